"""CSV export of subscribers: the same columns the importer reads, plus consent evidence."""

import csv

from django.http import StreamingHttpResponse

from .models import Subscriber, SubscriptionStatus

COLUMNS = ["email", "language", "lists", "consented", "consent_date", "undeliverable"]


class _Echo:
    def write(self, value):
        return value


def export_rows(queryset):
    subscribers = queryset.prefetch_related(
        "subscriptions__mailing_list", "subscriptions__consents"
    )
    yield COLUMNS
    for subscriber in subscribers.iterator(chunk_size=2000):
        confirmed = [
            s for s in subscriber.subscriptions.all() if s.status == SubscriptionStatus.CONFIRMED
        ]
        dates = [s.confirmed_at for s in confirmed if s.confirmed_at]
        yield [
            subscriber.email,
            subscriber.language,
            ";".join(sorted(s.mailing_list.slug for s in confirmed)),
            "yes" if confirmed else "no",
            min(dates).date().isoformat() if dates else "",
            "yes" if subscriber.undeliverable else "no",
        ]


def export_response(queryset=None) -> StreamingHttpResponse:
    queryset = Subscriber.objects.all() if queryset is None else queryset
    writer = csv.writer(_Echo())
    response = StreamingHttpResponse(
        (writer.writerow(row) for row in export_rows(queryset.order_by("email"))),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="subscribers.csv"'
    return response
