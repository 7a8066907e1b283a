from django.contrib import admin
from django.urls import include, path

from catalog import feeds, views

admin.site.site_header = "Head & neck trials catalogue — staff"
admin.site.site_title = "Trials catalogue staff"
admin.site.index_title = "Catalogue administration"

public = [
    path("", views.search, name="search"),
    path("trials/<str:nct_id>/", views.trial, name="trial"),
    path("trials.csv", views.export, {"fmt": "csv"}, name="export_csv"),
    path("trials.json", views.export, {"fmt": "json"}, name="export_json"),
    path("feed.atom", feeds.SearchFeed(), name="feed"),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include((public, "catalog"))),
]
