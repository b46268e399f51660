"""Staff edit the programme and run registration here; state changes go through the services."""

from . import programme, registration  # noqa: F401 - registers the model admins
