from django.urls import path

from . import views

home_patterns = [path("", views.home, name="home")]
page_patterns = [path("<slug:slug>/", views.page_detail, name="page")]
