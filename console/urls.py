from django.contrib.auth import views as auth_views
from django.urls import path

from console import league, views

app_name = "console"

urlpatterns = [
    path("", views.portal_list, name="portal_list"),
    path("dang-nhap/", views.LoginView.as_view(), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(next_page="/dang-nhap/"), name="logout"),
    path("nhat-ky/", views.event_list, name="events"),
    path("giam-sat/", views.oversight, name="oversight"),
    path("giam-sat/tieng-anh/", views.english_overview, name="english"),
    path("thoi-han/", league.league, name="league"),
    path("thoi-han/quy-dinh/", league.rules_table, name="deadline_rules"),
    path("thoi-han/cong/<str:code>/", league.league_portal, name="league_portal"),
    path("cong/dang-ky/", views.portal_request, name="portal_request"),
    path("cong/<str:code>/", views.portal_detail, name="portal_detail"),
    path("cong/<str:code>/phe-duyet/", views.portal_approve, name="portal_approve"),
    path("cong/<str:code>/tam-dung/", views.portal_suspend, name="portal_suspend"),
    path("cong/<str:code>/kich-hoat/", views.portal_activate, name="portal_activate"),
    path("cong/<str:code>/luu-tru/", views.portal_archive, name="portal_archive"),
    path("cong/<str:code>/ten-mien/", views.portal_add_domain, name="portal_add_domain"),
]
