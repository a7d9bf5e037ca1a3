"""The forum's part of `seed_demo`: categories, threads with replies, a result, comments."""

from io import StringIO

import pytest
from django.core.management import call_command

from network.models import ForumCategory, Post, Thread, Visibility


@pytest.mark.django_db
def test_seed_demo_adds_a_lively_forum_once(client):
    call_command("seed_demo", stdout=StringIO())
    counts = (ForumCategory.objects.count(), Thread.objects.count(), Post.objects.count())
    slugs = set(ForumCategory.objects.values_list("slug", flat=True))
    assert {"allgemeines", "leerstand-zwischennutzung", "digitalisierung-im-handel",
            "foerderprogramme"} <= slugs
    group = ForumCategory.objects.get(visibility=Visibility.GROUP)
    assert group.group_members.count() >= 3
    threads = Thread.objects.filter(category__isnull=False)
    assert threads.count() >= 12
    assert all(thread.posts.count() >= 2 for thread in threads)
    assert threads.exclude(result_html="").exists()
    assert Thread.objects.filter(page__isnull=False).count() >= 2
    assert client.get("/forum/").status_code == 200
    call_command("seed_demo", stdout=StringIO())
    assert counts == (ForumCategory.objects.count(), Thread.objects.count(),
                      Post.objects.count())
