import pytest


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what services schedule for after the commit (the recompute task) right away:
    `with committed(): services.create_offer(...)`."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run
