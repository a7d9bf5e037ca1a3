"""One page of two checkouts of Stadtlabor (before and after a change), rounds alternating.

    git archive <old commit> | tar -x -C /tmp/before   # and the new one into /tmp/after
    nice -n 10 .venv/bin/python bench/ab_page.py --before /tmp/before --after /tmp/after \\
        --database-url postgres://postgres@127.0.0.1:5432/compare_1000 \\
        --static-work /tmp/stadtlabor-compare-XXXX --path /praxisbeispiele/last-0/

bench/compare.py tells how our pages stand against bakerydemo; on a shared machine its
ratios wander with the load. Comparing the same page of two checkouts, each under
gunicorn as compare.py runs it (2 workers × 4 threads), one right after the other and
alternating, says whether a change itself made the page faster. Each checkout needs the
project's venv (.venv) and a database compare.py has grown; --static-work is a folder
whose static/ compare.py has collected. Prints req/s and p95 per round, then
after ÷ before (median, range) and p50/p95 over all requests.
"""

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import bench.load as load  # noqa: E402
from bench.compare import percentile, throughput  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", required=True, type=Path)
    parser.add_argument("--after", required=True, type=Path)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--static-work", required=True, help="Ordner mit static/ aus compare.py")
    parser.add_argument("--path", required=True)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--requests", type=int, default=80)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    env = load.server_env(args.database_url, args.static_work,
                          {"DJANGO_SETTINGS_MODULE": "config.settings"})
    checkouts = {"before": args.before.resolve(), "after": args.after.resolve()}
    rates = {name: [] for name in checkouts}
    latencies = {name: [] for name in checkouts}
    for round_number in range(args.rounds):
        for name, repo in checkouts.items():
            load.REPO = repo  # Gunicorn starts in load.REPO
            server = load.Gunicorn(env, 2, 4)
            with server:
                figures = throughput(server.port, args.path, args.requests, args.concurrency)
            rates[name].append(figures.rate)
            latencies[name].extend(figures.latencies)
            print(f"Runde {round_number + 1} {name}: {figures.rate:.1f}/s "
                  f"p95 {percentile(figures.latencies, 0.95) * 1000:.0f} ms", flush=True)
    ratios = [a / b for a, b in zip(rates["after"], rates["before"], strict=True)]
    print(f"\n{args.path}: nachher ÷ vorher {statistics.median(ratios):.2f} "
          f"({min(ratios):.2f}–{max(ratios):.2f}, {len(ratios)} Runden)")
    for name in checkouts:
        print(f"{name}: Median {statistics.median(rates[name]):.1f}/s, "
              f"p50 {percentile(latencies[name], 0.5) * 1000:.0f} ms, "
              f"p95 {percentile(latencies[name], 0.95) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
