# The standing pages move from news to site: the model changes app (state only), then its table
# is renamed; the rows, their ids and the unique (slug, language) constraint stay as they were,
# and so do the permissions given on pages (their content type changes app too).

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models

import museion.core.validators


def content_type_to_site(apps, schema_editor):
    content_types = apps.get_model("contenttypes", "ContentType").objects
    content_types.filter(app_label="news", model="page").update(app_label="site")


def content_type_to_news(apps, schema_editor):
    content_types = apps.get_model("contenttypes", "ContentType").objects
    content_types.filter(app_label="site", model="page").update(app_label="news")


class Migration(migrations.Migration):
    initial = True

    dependencies = [("news", "0001_initial"), ("contenttypes", "0002_remove_content_type_name")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Page",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("slug", models.SlugField(max_length=80, verbose_name="slug")),
                        ("language", models.CharField(max_length=16, validators=[museion.core.validators.validate_language], verbose_name="language")),
                        ("title", models.CharField(max_length=200, verbose_name="title")),
                        ("body", models.TextField(help_text="Markdown. Raw HTML is shown as text.", max_length=50000, validators=[django.core.validators.MaxLengthValidator(50000)], verbose_name="body")),
                        ("body_html", models.TextField(default="", editable=False)),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        ("translation_of", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="translations", to="site.page", verbose_name="translation of")),
                    ],
                    options={
                        "verbose_name": "page",
                        "verbose_name_plural": "pages",
                        "ordering": ["slug", "language"],
                        "constraints": [models.UniqueConstraint(fields=("slug", "language"), name="page_slug_language")],
                        "db_table": "news_page",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name="page", table=None),
        migrations.RunPython(content_type_to_site, content_type_to_news),
    ]
