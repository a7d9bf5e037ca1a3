"""Benchmark of the Wochenübersicht: build and send one issue to N subscribers, of whom M
are members with a personal part "Für Sie", against a real SMTP server on localhost.

Fills a fresh SQLite file (or, with --database-url, a PostgreSQL database that is flushed
first), starts tests/smtp_sink.py as its own process, sends in this process (the code the
`db_worker` task runs) and prints the total time, mails per second, peak memory, and SQL
queries per recipient, split into the editorial-only and the personal recipients.

    nice -n 10 .venv/bin/python bench/digest.py
    nice -n 10 .venv/bin/python bench/digest.py --recipients 10000 --members 2000 \\
        --database-url postgres://postgres@127.0.0.1:5432/digest_bench
"""

import argparse
import datetime
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--recipients", type=int, default=10_000)
    parser.add_argument("--members", type=int, default=2_000)
    parser.add_argument("--database-url", default="",
                        help="PostgreSQL database to use (flushed first); default: SQLite file")
    parser.add_argument("--batch-size", type=int, default=100)
    parser.add_argument("--tracemalloc", action="store_true",
                        help="also trace Python allocations (slows sending down)")
    parser.add_argument("--profile", action="store_true", help="cProfile the sending")
    return parser.parse_args()


def prepare_environment(args, work):
    from tests.smtp_server import SmtpServer

    smtp = SmtpServer(work)
    env = {
        "TASKS_BACKEND": "database", "EMAIL_URL": smtp.url, "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "localhost", "SECURE_SSL_REDIRECT": "0", "LOG_LEVEL": "WARNING",
        "SITE_URL": "https://stadtlabor.example",
    }
    if args.database_url:
        env["DATABASE_URL"] = args.database_url
    else:
        os.environ.pop("DATABASE_URL", None)
        env["SQLITE_PATH"] = str(work / "digest-bench.sqlite3")
    os.environ.update(env)
    print("$ manage.py migrate", flush=True)
    subprocess.run([sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"],
                   cwd=REPO, check=True)
    if args.database_url:
        subprocess.run([sys.executable, "manage.py", "flush", "--no-input"], cwd=REPO,
                       check=True)
    return smtp


def build(args):
    """Bulk-create subscribers, members with organisations and something personal each."""
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone
    from wagtail.models import Site

    from demo.network import ensure_root_page
    from matchmaking.models import ContactRequest, FundingProgramme, Offer, PainPoint, StoredMatch
    from network.models import (
        DigestIssue,
        DigestItem,
        Follow,
        ForumCategory,
        HomePage,
        Membership,
        Organisation,
        Post,
        Subscription,
        SubscriptionStatus,
        Thread,
        User,
        Visibility,
    )
    from webtalks.models import EventIndexPage, EventPage, Registration

    now = timezone.now()
    since = now - datetime.timedelta(days=7)
    root = ensure_root_page()
    home = HomePage.objects.first() or root.add_child(
        instance=HomePage(title="Stadtlabor", slug="start"))
    Site.objects.update_or_create(is_default_site=True, defaults={
        "hostname": "localhost", "port": 80, "root_page": home, "site_name": "Stadtlabor"})
    index = home.add_child(instance=EventIndexPage(title="Veranstaltungen",
                                                   slug="veranstaltungen"))
    events = [
        index.add_child(instance=EventPage(
            title=f"WebTalk {n}", slug=f"webtalk-{n}", kind="webtalk",
            start=now + datetime.timedelta(days=3 + n),
            end=now + datetime.timedelta(days=3 + n, hours=1), intro="Bench-Veranstaltung"))
        for n in range(5)
    ]
    laender = ["NW", "BY", "BW", "NI", "HE", "SN"]
    org_count = max(args.members // 10, 2)
    orgs = Organisation.objects.bulk_create(
        Organisation(
            name=f"Organisation {n}", slug=f"org-{n}",
            kind="kommune" if n % 2 == 0 else "anbieter", bundesland=laender[n % len(laender)],
            town="Musterstadt", status="approved", reviewed_at=since - datetime.timedelta(1),
        )
        for n in range(org_count)
    )
    password = make_password("bench")
    users = User.objects.bulk_create(
        User(email=f"mitglied{n}@example.org", password=password, first_name="M",
             last_name=str(n))
        for n in range(args.members)
    )
    Membership.objects.bulk_create(
        Membership(user=user, organisation=orgs[n % org_count], role="member",
                   status="active")
        for n, user in enumerate(users)
    )
    kommunen = [org for org in orgs if org.kind == "kommune"]
    anbieter = [org for org in orgs if org.kind == "anbieter"]
    pains = PainPoint.objects.bulk_create(
        PainPoint(organisation=org, author=users[i], title=f"Leerstand {i}",
                  description="Leerstand in der Innenstadt")
        for i, org in enumerate(kommunen)
    )
    offers = Offer.objects.bulk_create(
        Offer(organisation=org, author=users[i], title=f"Angebot {i}",
              description="Wir helfen bei Leerstand")
        for i, org in enumerate(anbieter)
    )
    matches = []
    for i, pain in enumerate(pains):
        for k in range(3):
            offer = offers[(i + k) % len(offers)]
            matches.append(StoredMatch(pain_point=pain, offer=offer, direction="for_pain_point",
                                       position=k, score=0.9))
            matches.append(StoredMatch(pain_point=pain, offer=offer, direction="for_offer",
                                       position=k, score=0.9))
    StoredMatch.objects.bulk_create(matches, ignore_conflicts=True)
    category = ForumCategory.objects.create(name="Allgemeines", slug="allgemeines",
                                            visibility=Visibility.PUBLIC)
    threads = Thread.objects.bulk_create(
        Thread(category=category, title=f"Thema {n}", author=users[n]) for n in range(50))
    Post.objects.bulk_create(
        Post(thread=thread, author=users[(n * 7 + k) % len(users)], body_markdown="Antwort",
             is_opening=False)
        for n, thread in enumerate(threads) for k in range(5)
    )
    Follow.objects.bulk_create(
        Follow(user=user, thread=threads[(n + k) % len(threads)])
        for n, user in enumerate(users) for k in range(2)
    )
    Registration.objects.bulk_create(
        Registration(event=events[n % len(events)], user=user, name="M", email=user.email,
                     status="confirmed")
        for n, user in enumerate(users)
    )
    ContactRequest.objects.bulk_create(
        ContactRequest(pain_point=pains[i % len(pains)], offer=offer, sender=users[i],
                       sender_organisation=pains[i % len(pains)].organisation,
                       recipient_organisation=offer.organisation, message="Hallo")
        for i, offer in enumerate(offers)
    )
    today = timezone.localdate()
    FundingProgramme.objects.bulk_create(
        FundingProgramme(name=f"Programm {n}", funder="land", description="Förderung",
                         bundeslaender=[laender[n % len(laender)]], applicant_kinds=["kommune"],
                         deadline=today + datetime.timedelta(days=5 + n), url="https://f.example/")
        for n in range(12)
    )
    Subscription.objects.bulk_create(
        Subscription(email=f"leser{n}@example.org", status=SubscriptionStatus.CONFIRMED,
                     token=f"tok-leser-{n}")
        for n in range(args.recipients - args.members)
    )
    Subscription.objects.bulk_create(
        Subscription(email=user.email, user=user, status=SubscriptionStatus.CONFIRMED,
                     personal=True, token=f"tok-mitglied-{n}")
        for n, user in enumerate(users)
    )
    issue = DigestIssue.objects.create(
        title="Wochenübersicht KW 49/2026", slug="2026-kw-49", covers_since=since,
        editorial="Liebe Stadtretter*innen,\n\ndiese Woche im Stadtlabor.",
    )
    DigestItem.objects.bulk_create(
        DigestItem(issue=issue, kind=kind, title=f"Beitrag {n}", text="Text " * 30,
                   url=f"/beitrag-{n}/", link_label="Weiterlesen", sort_order=n)
        for n, kind in enumerate(["impulse", "news", "news", "event", "event", "event",
                                  "case_study", "case_study", "organisation", "funding"])
    )
    return issue


def main():
    args = parse_args()
    with tempfile.TemporaryDirectory(prefix="digest-bench-") as tmp:
        work = Path(tmp)
        smtp = prepare_environment(args, work)
        try:
            run(args, smtp)
        finally:
            smtp.stop()


def run(args, smtp):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.db import connection

    from network.digest import services
    from network.digest.sending import send_issue
    from network.models import DigestDelivery

    started = time.perf_counter()
    issue = build(args)
    print(f"Daten angelegt: {time.perf_counter() - started:.1f} s", flush=True)

    queries = {"n": 0}

    def count(execute, sql, params, many, context):
        queries["n"] += 1
        return execute(sql, params, many, context)

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if args.tracemalloc:
        tracemalloc.start()
    with connection.execute_wrapper(count):
        t0 = time.perf_counter()
        services.start_sending(issue)  # deliveries; the task row goes to the database queue
        build_time = time.perf_counter() - t0
        build_queries = queries["n"]
        t1 = time.perf_counter()
        if args.profile:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            sent = profiler.runcall(send_issue, issue.pk, batch_size=args.batch_size)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        else:
            sent = send_issue(issue.pk, batch_size=args.batch_size)
        send_time = time.perf_counter() - t1
    peak = tracemalloc.get_traced_memory()[1] if args.tracemalloc else 0
    tracemalloc.stop()
    rss_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    send_queries = queries["n"] - build_queries
    received = smtp.wait_for(sent, timeout=60) and len(smtp.received())
    total = build_time + send_time
    recipients = DigestDelivery.objects.filter(issue=issue).count()
    print()
    print(f"Empfänger*innen:              {recipients} (davon {args.members} mit „Für Sie“)")
    print(f"versendet / am Server:        {sent} / {received}")
    print(f"Zustellzeilen anlegen:        {build_time:.2f} s, {build_queries} SQL-Abfragen")
    print(f"Versand:                      {send_time:.2f} s")
    print(f"gesamt:                       {total:.2f} s")
    print(f"Mails pro Sekunde:            {sent / send_time:.0f}")
    print(f"SQL-Abfragen beim Versand:    {send_queries} "
          f"= {send_queries / recipients:.3f} pro Empfänger*in "
          f"(Stapel zu {args.batch_size}: {send_queries / (recipients / args.batch_size):.1f}"
          f" pro Stapel)")
    if args.tracemalloc:
        print(f"Python-Speicher Spitze:       {peak / 2**20:.1f} MiB (tracemalloc, Versand)")
    print(f"Prozess RSS Spitze:           {rss_peak:.0f} MiB "
          f"(vor dem Versand {rss_before:.0f} MiB; Grenze 500 MiB)")


if __name__ == "__main__":
    main()
