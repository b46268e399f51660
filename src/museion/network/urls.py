from django.urls import path

from . import views

app_name = "network"

urlpatterns = [
    path("", views.museum_list, name="museums"),
    path("<slug:slug>/", views.museum_detail, name="museum"),
]
