from django.contrib import admin
from django.urls import path

admin.site.site_header = "Head & neck trials catalogue — staff"
admin.site.site_title = "Trials catalogue staff"
admin.site.index_title = "Catalogue administration"

urlpatterns = [
    path("admin/", admin.site.urls),
]
