from django.urls import path

from . import views

app_name = "modules"

urlpatterns = [
    path("search/", views.search, name="search"),
    path("log/", views.learning_log, name="learning_log"),
    path("modules/<int:pk>/complete/", views.module_complete, name="module_complete"),
    path("modules/<int:pk>/reflections/", views.module_reflections, name="module_reflections"),
]
