from django.urls import path

from . import (
    impact_views,
    impact_views_report,
    views,
    views_editor,
    views_map,
    views_reports,
    views_translations,
)

app_name = "museumday"

urlpatterns = [
    path("", views.home, name="index"),
    path("<int:year>/", views.edition_detail, name="edition"),
    path("<int:year>/report/", views_reports.edition_report_view, name="report"),
    path("<int:year>/impact/", impact_views.impact_view, name="impact"),
    path(
        "<int:year>/impact/tables/<slug:name>.<str:fmt>",
        impact_views.impact_table,
        name="impact_table",
    ),
    path(
        "<int:year>/impact/charts/<slug:name>.<str:fmt>",
        impact_views.impact_chart,
        name="impact_chart",
    ),
    path("<int:year>/impact/scope/", impact_views.impact_scope, name="impact_scope"),
    path(
        "<int:year>/impact/scope/<str:kind>/<slug:name>.<str:fmt>",
        impact_views.impact_scope_download,
        name="impact_scope_download",
    ),
    path("<int:year>/impact/reminders/", impact_views.impact_reminders, name="impact_reminders"),
    path(
        "<int:year>/impact/committees/<slug:slug>/",
        impact_views_report.committee_report,
        name="impact_committee",
    ),
    path("<int:year>/impact/network/", impact_views_report.network_report, name="impact_network"),
    path(
        "my/<slug:museum_slug>/impact/<int:year>/",
        impact_views_report.museum_report,
        name="impact_museum",
    ),
    path(
        "my/<slug:museum_slug>/impact/<int:year>/activities/<int:pk>/",
        impact_views_report.activity_report,
        name="impact_activity",
    ),
    path("activities/", views.activity_list, name="list"),
    path("activities.ics", views.activities_ical, name="list_ical"),
    path("activities/<int:pk>/", views.activity_detail, name="activity"),
    path("activities/<int:pk>/calendar.ics", views.activity_ical, name="activity_ical"),
    path("map/", views_map.activity_map, name="map"),
    path("map.geojson", views_map.map_geojson, name="map_geojson"),
    path("map/place.json", views_map.map_place, name="map_place"),
    path("embed/", views.embed, name="embed"),
    path("my/", views_editor.dashboard, name="dashboard"),
    path("my/<slug:museum_slug>/new/", views_editor.activity_create, name="create"),
    path("my/activities/<int:pk>/edit/", views_editor.activity_edit, name="edit"),
    path("my/activities/<int:pk>/submit/", views_editor.activity_submit, name="submit"),
    path(
        "my/activities/<int:pk>/translations/add/",
        views_translations.translation_edit,
        name="translation_add",
    ),
    path(
        "my/activities/<int:pk>/translations/<str:language>/",
        views_translations.translation_edit,
        name="translation_edit",
    ),
    path(
        "my/activities/<int:pk>/translations/<str:language>/delete/",
        views_translations.translation_delete,
        name="translation_delete",
    ),
    path("moderation/", views_editor.moderation_queue, name="moderation"),
    path("moderation/activities/<int:pk>/", views_editor.moderate_activity, name="moderate"),
    path("moderation/edits/<int:pk>/", views_editor.moderate_revision, name="moderate_revision"),
    path(
        "moderation/translations/<int:pk>/",
        views_translations.moderate_translation,
        name="moderate_translation",
    ),
]
