"""Production settings for the Museum Day benchmark, with one change: plain static storage.

Static files are not measured, and the manifest storage would need `collectstatic` first.
"""

from museion.settings import *  # noqa: F403

STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
