"""/api/v1/redlists/… (included by the api app, in its namespace)."""

from django.urls import path

from . import api, views_lookup

urlpatterns = [
    path("lists", api.red_lists, name="redlists_lists"),
    path("lists/<slug:slug>", api.red_list, name="redlists_list"),
    path("categories/<int:pk>", api.category, name="redlists_category"),
    path("types", api.search, name="redlists_types"),
    path("types/<int:pk>", api.object_type, name="redlists_type"),
    path("types/<int:pk>/linked-art", api.object_type_linked_art, name="redlists_type_linked_art"),
    path("search", api.search, name="redlists_search"),
    path("lookup", views_lookup.lookup_api, name="redlists_lookup"),
]
