"""A real SMTP server for tests and benchmarks (aiosmtpd), run as its own process.

    python tests/smtp_sink.py --port 2525 --log received.log [--store DIR] [--delay-rcpt 0.02]

Every accepted message appends one line per recipient, "<recipient>\t<Message-ID>", to the
log (flushed at once, so another process can count). Recipients whose address starts with
"bounce" are refused permanently (550), "later" temporarily (451). `--delay-rcpt` makes the
server slow before it has accepted anything, so a client killed mid-send is most likely
killed while nothing is delivered yet.
"""

import argparse
import asyncio
import os
import signal
import sys
from email import message_from_bytes

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, log_path, store_dir, delay_rcpt):
        self.log = open(log_path, "a", encoding="utf-8")  # noqa: SIM115 - open for the life of the process
        self.store_dir = store_dir
        self.delay_rcpt = delay_rcpt
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.delay_rcpt:
            await asyncio.sleep(self.delay_rcpt)
        if address.startswith("bounce"):
            return "550 5.1.1 Mailbox unavailable"
        if address.startswith("later"):
            return "451 4.2.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message_id = message_from_bytes(envelope.content).get("Message-ID", "")
        for rcpt in envelope.rcpt_tos:
            self.log.write(f"{rcpt}\t{message_id}\n")
        self.log.flush()
        if self.store_dir:
            self.count += 1
            path = os.path.join(self.store_dir, f"{self.count:06d}.eml")
            with open(path, "wb") as handle:
                handle.write(envelope.content)
        return "250 Message accepted"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--store", default="")
    parser.add_argument("--delay-rcpt", type=float, default=0.0)
    args = parser.parse_args()
    controller = Controller(
        Sink(args.log, args.store, args.delay_rcpt), hostname="127.0.0.1", port=args.port
    )
    controller.start()
    print("ready", flush=True)
    signal.sigwait({signal.SIGTERM, signal.SIGINT})
    controller.stop()
    sys.exit(0)


if __name__ == "__main__":
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})
    main()
