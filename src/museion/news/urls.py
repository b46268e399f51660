from django.urls import path

from . import feeds, views

app_name = "news"

urlpatterns = [
    path("", views.post_list, name="list"),
    path("feed/", feeds.PostFeed(), name="feed"),
    path("feed/<str:language>/", feeds.LanguageFeed(), name="language_feed"),
    path("<int:pk>/<str:slug>/", views.post_detail, name="post"),
    path("tags/<str:tag>/", views.hashtag_detail, name="hashtag"),
    path("tags/<str:tag>/feed/", feeds.HashtagFeed(), name="hashtag_feed"),
]
