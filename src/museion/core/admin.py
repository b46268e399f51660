"""Admin-wide defaults."""

from django.contrib.admin import options
from django.db import models

# URLs typed without a scheme mean https:// (Django 6's default; opt in now, in every admin form).
options.FORMFIELD_FOR_DBFIELD_DEFAULTS[models.URLField] = {
    **options.FORMFIELD_FOR_DBFIELD_DEFAULTS[models.URLField],
    "assume_scheme": "https",
}
