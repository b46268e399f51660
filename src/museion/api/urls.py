from django.urls import include, path

from . import views

app_name = "api"

urlpatterns = [
    path("v1/activities", views.activities, name="activities"),
    path("v1/activities/<int:pk>", views.activity, name="activity"),
    path("v1/redlists/", include("museion.redlists.api_urls")),
    path("v1/openapi.json", views.openapi, name="openapi"),
]
