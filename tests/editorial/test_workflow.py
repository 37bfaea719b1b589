"""Nothing goes live without the board: the "Ban Biên tập duyệt" workflow through the real
admin, as contributors, editors and approvers of one portal."""

from __future__ import annotations

import pytest
from django_tenants.utils import schema_context

from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.utils import timezone

from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from accounts import roles
from editorial.models import BoardApprovalTask
from editorial.workflow import ensure_board_workflow
from tests.news.factories import NewsArticlePageFactory
from tests.support.accounts import console_login
from tests.support.portals import client_for


def article_form(title: str, slug: str, **extra) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": f"Tóm tắt: {title}",
            "publish_date": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
            "body": streamfield([]),
            "comments": inline_formset([]),
            **extra,
        }
    )


@pytest.fixture
def board(portal_a, make_local_user):
    """A contributor, an editor and an approver of portal A, each with an e-mail."""
    users = {
        "ctv": make_local_user(portal_a, "ctv.soa", roles.CONTRIBUTOR, email="ctv@soa.vn"),
        "btv": make_local_user(portal_a, "btv.soa", roles.EDITOR, email="btv@soa.vn"),
        "duyet": make_local_user(portal_a, "duyet.soa", roles.APPROVER, email="duyet@soa.vn"),
    }
    browsers = {}
    for key, user in users.items():
        browser = client_for(portal_a)
        with schema_context(portal_a.schema_name):  # the session lives in the portal's schema
            browser.force_login(user)
        browsers[key] = browser
    return browsers


def news_index(portal) -> Page:
    with schema_context(portal.schema_name):
        return Page.objects.get(depth=3, slug="tin-tuc")


def page_by_slug(portal, slug: str) -> Page:
    with schema_context(portal.schema_name):
        return Page.objects.get(slug=slug).specific


def current_task_state(portal, page: Page):
    with schema_context(portal.schema_name):
        state = WorkflowState.objects.get(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id=str(page.pk),
            status="in_progress",
        )
        return state.current_task_state


def submit_article(portal, browser, title: str, slug: str) -> Page:
    parent = news_index(portal)
    response = browser.post(
        f"/admin/pages/add/news/newsarticlepage/{parent.pk}/",
        article_form(title, slug, **{"action-submit": "Gửi duyệt"}),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return page_by_slug(portal, slug)


def test_every_portal_has_the_board_workflow_on_its_root(province, portal_a, portal_b):
    from wagtail.models import WorkflowPage

    for portal in (province, portal_a, portal_b):
        with schema_context(portal.schema_name):
            assignment = WorkflowPage.objects.select_related("page", "workflow").get()
            assert assignment.page.depth == 1
            assert assignment.workflow.name == "Ban Biên tập duyệt"
            task = assignment.workflow.tasks.get().specific
            assert isinstance(task, BoardApprovalTask)  # approving asks for confirmation
            assert sorted(task.groups.values_list("name", flat=True)) == sorted(
                [roles.APPROVER, roles.BOARD_HEAD]
            )


def test_contributor_page_goes_live_only_after_approval(portal_a, board):
    mail.outbox.clear()
    page = submit_article(portal_a, board["ctv"], "Hội nghị tổng kết năm", "hoi-nghi-tong-ket")
    assert not page.live
    assert client_for(portal_a).get("/tin-tuc/hoi-nghi-tong-ket/").status_code == 404

    # The approvers are told; the contributor is not asked to approve their own page.
    recipients = {address for message in mail.outbox for address in message.to}
    assert "duyet@soa.vn" in recipients
    assert "ctv@soa.vn" not in recipients

    task_state = current_task_state(portal_a, page)
    # Neither the contributor nor the editor can approve.
    for who in ("ctv", "btv"):
        response = board[who].post(
            f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": ""}
        )
        assert response.status_code in (302, 403)
        assert not page_by_slug(portal_a, "hoi-nghi-tong-ket").live

    mail.outbox.clear()
    response = board["duyet"].post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/",
        {"comment": "Đồng ý đăng.", "confirmed": "on"},
    )
    assert response.status_code == 302
    assert page_by_slug(portal_a, "hoi-nghi-tong-ket").live
    public = client_for(portal_a).get("/tin-tuc/hoi-nghi-tong-ket/")
    assert public.status_code == 200
    assert "Hội nghị tổng kết năm" in public.content.decode()
    assert any("ctv@soa.vn" in message.to for message in mail.outbox)


def test_rejected_page_stays_unpublished_with_the_comment(portal_a, board):
    page = submit_article(portal_a, board["ctv"], "Tin chưa đạt", "tin-chua-dat")
    task_state = current_task_state(portal_a, page)
    mail.outbox.clear()
    board["duyet"].post(
        f"/admin/pages/workflow/action/{page.pk}/reject/{task_state.pk}/",
        {"comment": "Cần bổ sung nguồn tin."},
    )
    page = page_by_slug(portal_a, "tin-chua-dat")
    assert not page.live
    assert client_for(portal_a).get("/tin-tuc/tin-chua-dat/").status_code == 404
    with schema_context(portal_a.schema_name):
        state = WorkflowState.objects.filter(object_id=str(page.pk)).latest("created_at")
        assert state.status == "needs_changes"
        assert state.current_task_state.comment == "Cần bổ sung nguồn tin."
    # The author hears of the rejection.
    to_author = [m for m in mail.outbox if "ctv@soa.vn" in m.to]
    assert to_author
    # And sees the comment on the page's edit screen.
    edit = board["ctv"].get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Cần bổ sung nguồn tin." in edit


@pytest.mark.parametrize("who", ["ctv", "btv"])
def test_contributors_and_editors_cannot_publish_by_any_url(portal_a, board, who):
    browser = board[who]
    parent = news_index(portal_a)
    slug = f"tu-dang-{who}"
    browser.post(
        f"/admin/pages/add/news/newsarticlepage/{parent.pk}/",
        article_form("Tự đăng", slug, **{"action-publish": "Xuất bản"}),
    )
    page = page_by_slug(portal_a, slug)
    assert not page.live

    browser.post(
        f"/admin/pages/{page.pk}/edit/",
        article_form("Tự đăng", slug, **{"action-publish": "Xuất bản"}),
    )
    assert not page_by_slug(portal_a, slug).live

    # Bulk publish action and the revisions' publish route are refused too.
    browser.post(
        f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}", {"include_descendants": "on"}
    )
    assert not page_by_slug(portal_a, slug).live
    assert client_for(portal_a).get(f"/tin-tuc/{slug}/").status_code == 404

    # A live page cannot be unpublished by them either.
    with schema_context(portal_a.schema_name):
        page.save_revision().publish()
    response = browser.post(f"/admin/pages/{page.pk}/unpublish/")
    assert response.status_code in (302, 403)
    assert page_by_slug(portal_a, slug).live


def test_editor_edits_any_page_but_the_change_waits_for_approval(portal_a, board):
    page = submit_article(portal_a, board["ctv"], "Bài của cộng tác viên", "bai-ctv")
    task_state = current_task_state(portal_a, page)
    board["duyet"].post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/",
        {"comment": "", "confirmed": "on"},
    )
    # The editor changes the live page and submits: the public still sees the approved text.
    response = board["btv"].post(
        f"/admin/pages/{page.pk}/edit/",
        article_form("Bài đã sửa chưa duyệt", "bai-ctv", **{"action-submit": "Gửi duyệt"}),
    )
    assert response.status_code == 302
    html = client_for(portal_a).get("/tin-tuc/bai-ctv/").content.decode()
    assert "Bài của cộng tác viên" in html
    assert "Bài đã sửa chưa duyệt" not in html


def test_roles_can_work_on_snippets_and_only_the_board_head_on_settings(portal_a, make_local_user):
    editor = make_local_user(portal_a, "btv2.soa", roles.EDITOR)
    head = make_local_user(portal_a, "tb2.soa", roles.BOARD_HEAD)
    contributor = make_local_user(portal_a, "ctv2.soa", roles.CONTRIBUTOR)
    with schema_context(portal_a.schema_name):
        from django.contrib.auth.models import User

        editor, head, contributor = (User.objects.get(pk=u.pk) for u in (editor, head, contributor))
        # The schedule is drafted by editors and published through the workflow...
        assert editor.has_perm("direction.change_scheduleentry")
        assert not editor.has_perm("direction.publish_scheduleentry")
        assert not editor.has_perm("direction.delete_scheduleentry")
        assert contributor.has_perm("direction.add_scheduleentry")
        # ...while labels that are live once saved belong to the board.
        assert not editor.has_perm("legaldocs.add_issuingauthority")
        assert editor.has_perm("legaldocs.view_issuingauthority")
        assert not contributor.has_perm("news.add_newscategory")
        assert head.has_perm("news.add_newscategory")
        assert head.has_perm("direction.delete_scheduleentry")
        assert head.has_perm("contacts.change_portalcontactsettings")
        assert not editor.has_perm("contacts.change_portalcontactsettings")
    browser = client_for(portal_a)
    with schema_context(portal_a.schema_name):
        browser.force_login(editor)
    assert browser.get("/admin/snippets/direction/scheduleentry/add/").status_code == 200
    settings_url = "/admin/settings/contacts/portalcontactsettings/"
    refused = browser.get(settings_url, follow=True)
    assert not refused.request["PATH_INFO"].startswith(settings_url)

    head_browser = client_for(portal_a)
    with schema_context(portal_a.schema_name):
        head_browser.force_login(head)
    allowed = head_browser.get(settings_url, follow=True)
    assert allowed.status_code == 200
    assert allowed.request["PATH_INFO"].startswith(settings_url)


def test_province_board_sees_each_member_portals_queue_and_publications(
    portal_a, portal_b, board, make_platform_user
):
    from tenants.models import PlatformRole

    submit_article(portal_a, board["ctv"], "Bài chờ duyệt ở Sở A", "cho-duyet-so-a")
    NewsArticlePageFactory(portal=portal_b, title="Tin đã đăng ở Xã B", slug="tin-xa-b", publish=True)

    make_platform_user("bbt.giamsat", PlatformRole.Role.PROVINCE_BOARD)
    console, _ = console_login("bbt.giamsat")
    response = console.get("/giam-sat/")
    assert response.status_code == 200
    html = response.content.decode()
    row_a = html.split("Sở A</a></th>")[1].split("</tr>")[0]
    assert '<td class="waiting">1</td>' in row_a
    row_b = html.split("Xã B</a></th>")[1].split("</tr>")[0]
    assert '<td class="waiting">0</td>' in row_b
    assert "Tin đã đăng ở Xã B" in row_b
    assert "http://xab.laichau.test/tin-tuc/tin-xa-b/" in row_b
    assert "Tin đã đăng ở Xã B" not in row_a


def test_approving_asks_for_confirmation_and_records_who(portal_a, board):
    page = submit_article(portal_a, board["ctv"], "Thông báo lịch tiếp dân", "lich-tiep-dan")
    task_state = current_task_state(portal_a, page)
    approver = board["duyet"]
    url = f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/"

    # "Duyệt" opens a dialog everywhere it is offered: in the page editor and on the dashboard.
    editor_html = approver.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    collect = f"/admin/pages/workflow/collect_action_data/{page.pk}/approve/{task_state.pk}/"
    assert f'data-workflow-action-modal-url="{collect}"' in editor_html
    dashboard = approver.get("/admin/").content.decode()
    assert f'data-workflow-action-url="{url}" data-launch-modal' in dashboard
    dialog = approver.get(url, HTTP_X_REQUESTED_WITH="XMLHttpRequest").json()["html"]
    assert 'name="confirmed"' in dialog
    assert "Tôi đã đọc nội dung và đồng ý cho đăng công khai" in dialog

    # Unticked, the dialog says why and nothing goes live; a plain post does nothing either.
    refused = approver.post(url, {"comment": ""}, HTTP_X_REQUESTED_WITH="XMLHttpRequest").json()
    assert refused["step"] != "success"
    assert "Hãy đánh dấu xác nhận trước khi duyệt." in refused["html"]
    assert approver.post(url, {"comment": ""}).status_code == 302
    assert not page_by_slug(portal_a, "lich-tiep-dan").live
    # An editor form that skips the dialog ("approve" with no confirmation) is refused.
    crafted = approver.post(
        f"/admin/pages/{page.pk}/edit/",
        article_form(
            "Thông báo lịch tiếp dân", "lich-tiep-dan",
            **{"action-workflow-action": "true", "workflow-action-name": "approve"},
        ),
    )
    # (Wagtail's admin answers a refusal by sending the user back to the dashboard.)
    assert crafted.status_code == 302 and crafted.url == "/admin/"
    assert not page_by_slug(portal_a, "lich-tiep-dan").live

    done = approver.post(url, {"comment": "", "confirmed": "on"}, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert done.json()["step"] == "success"
    assert page_by_slug(portal_a, "lich-tiep-dan").live
    with schema_context(portal_a.schema_name):
        task_state.refresh_from_db()
        assert task_state.status == "approved"
        assert task_state.finished_by.username == "duyet.soa"


def test_a_portal_made_before_the_confirmation_gets_it_on_the_next_seeding(portal_b):
    from wagtail.models import GroupApprovalTask, WorkflowPage

    with schema_context(portal_b.schema_name):
        GroupApprovalTask.objects.update(
            content_type=ContentType.objects.get_for_model(GroupApprovalTask)
        )
        workflow = WorkflowPage.objects.get().workflow
        assert type(workflow.tasks.get().specific) is GroupApprovalTask  # one-click approval
        task = ensure_board_workflow().tasks.get().specific
        assert type(task) is BoardApprovalTask
