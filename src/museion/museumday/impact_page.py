"""What the impact pages show: the figures as localized tables, and the charts drawn from them."""

from django.core.cache import cache
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _
from django_countries import countries as country_names

from . import charts
from .downloads import Table
from .impact_queries import CACHE_SECONDS, top_countries
from .models import Channel, Edition

TABLES = ("countries", "top", "channels", "years")
CHARTS = ("map", "channels", "years")


def country_name(code: str) -> str:
    if not code:
        return _("No one country (international figures)")
    return str(country_names.name(code) or code)


def _country_table(slug: str, caption: str, rows) -> Table:
    return Table(
        slug=slug,
        caption=caption,
        headers=[
            _("Country"),
            _("ISO code"),
            _("Museums taking part"),
            _("Activities"),
            _("Museums that reported"),
            _("On-site visitors"),
            _("Online reach"),
        ],
        rows=[
            [
                country_name(row.code),
                row.code,
                row.museums,
                row.activities,
                row.reporting,
                row.onsite,
                row.online,
            ]
            for row in rows
        ],
    )


def tables(data: dict) -> dict[str, Table]:
    channel_labels = dict(Channel.choices)
    return {
        "countries": _country_table(
            "countries", _("Participation and reach by country"), data["countries"]
        ),
        "top": _country_table(
            "top", _("Top countries by people reached"), top_countries(data["countries"])
        ),
        "channels": Table(
            slug="channels",
            caption=_("Reach by channel"),
            headers=[_("Channel"), _("Items published"), _("Audience reached"), _("Reports")],
            rows=[
                [str(channel_labels[row.channel]), row.items, row.audience, row.reporters]
                for row in data["channels"]
            ],
        ),
        "years": Table(
            slug="years",
            caption=_("Year on year"),
            headers=[
                pgettext("edition", "Year"),
                _("Museums taking part"),
                _("On-site visitors"),
                _("Online reach"),
            ],
            rows=[[str(row.year), row.museums, row.onsite, row.online] for row in data["years"]],
        ),
    }


def draw_charts(edition: Edition, data: dict) -> dict[str, str]:
    by_country = {row.code: row.museums for row in data["countries"] if row.code}
    channel_labels = dict(Channel.choices)
    channels = sorted(data["channels"], key=lambda row: -row.audience)
    years = data["years"]
    return {
        "map": charts.choropleth(
            "chart-map",
            _("Museums taking part by country, %(year)s") % {"year": edition.year},
            _(
                "A world map: the darker a country, the more of its museums took part. "
                "%(count)s countries took part; the table below gives every figure."
            )
            % {"count": len(by_country)},
            by_country,
            {code: country_name(code) for code in by_country},
            _("Museums taking part"),
            _("none reported"),
        ),
        "channels": charts.bar_chart(
            "chart-channels",
            _("Audience reached by channel, %(year)s") % {"year": edition.year},
            _(
                "Horizontal bars, one per channel, longest for the largest audience; the table "
                "below gives items and audience for each."
            ),
            [(str(channel_labels[row.channel]), row.audience) for row in channels],
        ),
        "years": charts.line_chart(
            "chart-years",
            _("On-site visitors and online reach, year on year"),
            _(
                "Two line charts across the editions up to %(year)s, each from zero: on-site "
                "visitors above, online reach below; the table below gives each year's figures."
            )
            % {"year": edition.year},
            [str(row.year) for row in years],
            [
                charts.Series(_("On-site visitors"), [row.onsite for row in years]),
                charts.Series(_("Online reach"), [row.online for row in years]),
            ],
        ),
    }


def cached_charts(edition: Edition, data: dict) -> dict[str, str]:
    """The charts for this language and these figures (cached under the figures' key)."""
    key = f"{data['key']}:charts:{get_language()}"
    return cache.get_or_set(key, lambda: draw_charts(edition, data), CACHE_SECONDS)
