from django.urls import path

from .views import participant, programme, registration, staff

app_name = "conference"

urlpatterns = [
    path("", programme.index, name="index"),
    path("<slug:slug>/", programme.programme, name="programme"),
    path("<slug:slug>/programme.ics", programme.programme_ical, name="programme_ical"),
    path("<slug:slug>/programme.json", programme.programme_json, name="programme_json"),
    path("<slug:slug>/sessions/<int:pk>/", programme.session_detail, name="session"),
    path("<slug:slug>/sessions/<int:pk>/calendar.ics", programme.session_ical, name="session_ical"),
    path(
        "<slug:slug>/organisers/<slug:committee>/",
        programme.organiser_detail,
        name="organiser",
    ),
    path("speakers/<slug:slug>/", programme.speaker_detail, name="speaker"),
    path("<slug:slug>/register/", registration.register, name="register"),
    path("<slug:slug>/forget-me/", participant.forget, name="forget"),
    path("offers/<str:token>/", registration.offer, name="offer"),
    path("me/<str:token>/", participant.participant_page, name="participant"),
    path("me/<str:token>/do/", participant.participant_action, name="participant_action"),
    path("me/<str:token>/sessions/<int:pk>/do/", participant.session_action, name="session_action"),
    path("me/<str:token>/sessions/<int:pk>/join/", participant.join, name="join"),
    path("feeds/<str:token>/agenda.ics", participant.agenda_feed, name="agenda_feed"),
    path("<slug:slug>/staff/check-in/", staff.checkin_desk, name="checkin"),
    path("<slug:slug>/staff/clashes/", staff.clashes, name="clashes"),
    path("staff/proofs/<int:pk>/", staff.proof_download, name="proof"),
]
