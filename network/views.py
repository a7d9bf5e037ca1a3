from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from network import selectors


@login_required
def my_account(request):
    return render(
        request,
        "network/my_account.html",
        {"memberships": selectors.memberships_of(request.user)},
    )
