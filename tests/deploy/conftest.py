import pytest
from django.core.management import call_command


@pytest.fixture
def demo_site(db):
    for command in ("load_demo", "load_conference_demo", "load_news_demo", "load_redlists_demo"):
        call_command(command, verbosity=0)
