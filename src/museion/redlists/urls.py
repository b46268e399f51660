from django.urls import path

from . import views, views_editor, views_lookup, views_reports

app_name = "redlists"

urlpatterns = [
    path("", views.index, name="index"),
    path("search/", views.search, name="search"),
    path("lookup/", views_lookup.lookup_page, name="lookup"),
    path("report/", views_reports.report_form, name="report"),
    path("report/status/<str:token>/", views_reports.report_status, name="report_status"),
    path("reports/", views_reports.triage_list, name="triage"),
    path("reports/<int:pk>/", views_reports.triage_detail, name="triage_detail"),
    path("reports/photos/<int:pk>/", views_reports.report_photo, name="report_photo"),
    path("my/", views_editor.dashboard, name="dashboard"),
    path("my/<int:pk>/", views_editor.edit_list, name="edit_list"),
    path("my/<int:pk>/publish/", views_editor.publish, name="publish"),
    path("my/<int:pk>/withdraw/", views_editor.withdraw, name="withdraw"),
    path("my/<int:pk>/translate/", views_editor.translate, name="translate"),
    path("my/<int:pk>/changes/", views_editor.changes, name="changes"),
    path("my/<int:pk>/categories/new/", views_editor.edit_category, name="new_category"),
    path("my/categories/<int:category>/", views_editor.edit_category, name="edit_category"),
    path("my/categories/<int:category>/types/new/", views_editor.edit_type, name="new_type"),
    path("my/types/<int:object_type>/", views_editor.edit_type, name="edit_type"),
    path("my/types/<int:object_type>/images/", views_editor.add_image, name="add_image"),
    path("my/move/<str:kind>/<int:pk>/<str:direction>/", views_editor.move, name="move"),
    path("<slug:slug>/", views.red_list_detail, name="list"),
    path("<slug:slug>/pdf/", views.pdf_download, name="pdf"),
    path("<slug:slug>/categories/<int:pk>/", views.category_detail, name="category"),
    path("<slug:slug>/types/<int:pk>/", views.type_detail, name="type"),
]
