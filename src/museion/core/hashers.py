"""How passwords are stored: Argon2id, at a cost a two-core server can pay at a deadline.

Django's own PBKDF2 (1,000,000 rounds) spends a quarter of a second of CPU on each login: a
thousand editors logging in during the last two minutes before a deadline would need the two
cores of a small server for hashing alone. Argon2id at OWASP's first recommended setting
(19 MiB of memory, 2 passes, 1 lane) takes about a tenth of that, and being memory-hard it
resists guessing on graphics cards better than PBKDF2 does (OWASP's Password Storage Cheat
Sheet rates the two settings as equal defences). Django's Argon2 defaults (100 MiB, 8 lanes)
cost as much time as PBKDF2.

Hashes stored by the hashers listed after it stay valid; Django rewrites each one with
Argon2id the next time its owner logs in.
"""

from django.contrib.auth.hashers import Argon2PasswordHasher


class Argon2idPasswordHasher(Argon2PasswordHasher):
    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1


PASSWORD_HASHERS = [
    "museion.core.hashers.Argon2idPasswordHasher",
    # Earlier hashes (Django's defaults), upgraded at their owner's next login.
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
