from django.contrib.auth.hashers import PBKDF2PasswordHasher


class FastPBKDF2PasswordHasher(PBKDF2PasswordHasher):
    """Django's PBKDF2 with a single iteration, for the suite.

    The iteration count is stored in each hash, so the production hasher verifies these
    too: servers the tests start in other processes (daphne, gunicorn) with production
    settings can log the test users in. MD5 would be as fast but unknown to them.
    """

    iterations = 1
