from django.contrib.auth import views as auth_views
from django.urls import path

from console import account, league, reports, views

app_name = "console"

urlpatterns = [
    path("", views.portal_list, name="portal_list"),
    path("dang-nhap/", views.LoginView.as_view(), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(next_page="/dang-nhap/"), name="logout"),
    path("nhat-ky/", views.event_list, name="events"),
    path("tai-khoan/", account.account, name="account"),
    path("tai-khoan/doi-mat-khau/", account.change_password, name="change_password"),
    path("tai-khoan/xac-thuc/", account.otp_verify, name="otp_verify"),
    path("tai-khoan/hai-buoc/", account.otp_setup, name="otp_setup"),
    path("tai-khoan/hai-buoc/cap-lai-ma/", account.renew_recovery_codes, name="renew_recovery_codes"),
    path("tai-khoan/ma-khoi-phuc/", account.recovery_codes, name="recovery_codes"),
    path("khoa-dang-nhap/", account.lockouts, name="lockouts"),
    path("khoa-dang-nhap/<int:pk>/mo-khoa/", account.unlock, name="unlock"),
    path("giam-sat/", views.oversight, name="oversight"),
    path("giam-sat/tieng-anh/", views.english_overview, name="english"),
    path("thoi-han/", league.league, name="league"),
    path("thoi-han/quy-dinh/", league.rules_table, name="deadline_rules"),
    path("thoi-han/cong/<str:code>/", league.league_portal, name="league_portal"),
    path("bao-cao/", reports.overview, name="reports"),
    path("bao-cao/<int:pk>/tai-ve.<str:kind>", reports.report_file, name="report_file"),
    path("so-sanh/", views.dashboard, name="dashboard"),
    path("cong/dang-ky/", views.portal_request, name="portal_request"),
    path("cong/<str:code>/", views.portal_detail, name="portal_detail"),
    path("cong/<str:code>/phe-duyet/", views.portal_approve, name="portal_approve"),
    path("cong/<str:code>/tu-choi/", views.portal_reject, name="portal_reject"),
    path("cong/<str:code>/tam-dung/", views.portal_suspend, name="portal_suspend"),
    path("cong/<str:code>/kich-hoat/", views.portal_activate, name="portal_activate"),
    path("cong/<str:code>/luu-tru/", views.portal_archive, name="portal_archive"),
    path("cong/<str:code>/ma-emc/", views.portal_emc, name="portal_emc"),
    path("cong/<str:code>/ten-mien/", views.portal_add_domain, name="portal_add_domain"),
    path("quyet-dinh/<int:pk>/tep/", views.decision_file, name="decision_file"),
    # A unit's head applies here, without an account; the board decides in the queue.
    path("dang-ky-tham-gia/", views.apply, name="apply"),
    path("dang-ky-tham-gia/da-gui/", views.apply_sent, name="apply_sent"),
    path("don-dang-ky/", views.application_list, name="applications"),
    path("don-dang-ky/<int:pk>/", views.application_detail, name="application_detail"),
    path("don-dang-ky/<int:pk>/phe-duyet/", views.application_approve, name="application_approve"),
    path("don-dang-ky/<int:pk>/tu-choi/", views.application_reject, name="application_reject"),
    path("don-dang-ky/<int:pk>/tep/", views.application_file, name="application_file"),
]
