from django.urls import path

from imr_archive.uploads import views

app_name = "uploads"

urlpatterns = [
    path("", views.upload, name="upload"),
    path("<int:pk>/", views.batch, name="batch"),
    path("history/", views.history, name="history"),
    path("review/", views.review, name="review"),
]
