"""Derived data kept with the activities: each one's serialised VEVENT, per interface language.

Building and serialising an event with the calendar library takes about half a millisecond, so
a feed of 500 activities built from nothing takes a quarter of a second; read from this table it
takes a few milliseconds. A row is used only while its `stamp` matches what the event is made of
now (see museumday.ical); otherwise it is built again and overwritten.
"""

from django.db import models


class CalendarEvent(models.Model):
    activity = models.ForeignKey(
        "museumday.Activity", on_delete=models.CASCADE, related_name="calendar_events"
    )
    language = models.CharField(max_length=16)
    stamp = models.CharField(max_length=32)
    body = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "language"], name="one_calendar_event_per_language"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity_id} [{self.language}]"
