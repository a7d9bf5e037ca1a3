"""Start tests/smtp_sink.py as a separate process on a free port (tests and bench)."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

SINK = Path(__file__).with_name("smtp_sink.py")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SmtpServer:
    def __init__(self, workdir, delay_rcpt=0.0, store=False):
        self.port = free_port()
        self.log = Path(workdir) / "received.log"
        self.log.touch()
        self.store = Path(workdir) / "messages" if store else None
        if self.store:
            self.store.mkdir(exist_ok=True)
        command = [sys.executable, str(SINK), "--port", str(self.port), "--log", str(self.log),
                   "--delay-rcpt", str(delay_rcpt)]
        if self.store:
            command += ["--store", str(self.store)]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, env=os.environ.copy())
        assert self.process.stdout.readline().strip() == b"ready"
        self.url = f"smtp://127.0.0.1:{self.port}"

    def received(self):
        """[(recipient, message_id)] in arrival order."""
        lines = self.log.read_text(encoding="utf-8").splitlines()
        return [tuple(line.split("\t", 1)) for line in lines if line]

    def messages(self):
        from email import message_from_bytes, policy

        return [message_from_bytes(path.read_bytes(), policy=policy.default)
                for path in sorted(self.store.iterdir())]

    def wait_for(self, count, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(self.received()) >= count:
                return True
            time.sleep(0.05)
        return False

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
