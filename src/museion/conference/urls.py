from django.urls import path

from .views import exports, participant, programme, registration, sessions, staff

app_name = "conference"

urlpatterns = [
    path("", programme.index, name="index"),
    path("<slug:slug>/", programme.programme, name="programme"),
    path("<slug:slug>/now/", programme.now_and_next, name="now"),
    path("<slug:slug>/selection/", programme.selection, name="selection"),
    path("<slug:slug>/selection.ics", exports.selection_ical, name="selection_ical"),
    path("<slug:slug>/programme.ics", exports.programme_ical, name="programme_ical"),
    path("<slug:slug>/programme.json", exports.programme_json, name="programme_json"),
    path("<slug:slug>/sessions/<int:pk>/", sessions.session_detail, name="session"),
    path("<slug:slug>/sessions/<int:pk>/calendar.ics", exports.session_ical, name="session_ical"),
    path(
        "<slug:slug>/organisers/<slug:committee>/",
        sessions.organiser_detail,
        name="organiser",
    ),
    path("speakers/<slug:slug>/", sessions.speaker_detail, name="speaker"),
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
