"""The record of notifications, under /my-academy/notifications/."""

from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("sent/", views.sent, name="sent"),
]
