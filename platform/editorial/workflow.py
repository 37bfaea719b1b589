"""The editorial board's approval workflow: nothing goes live without an approver.

Every portal has one workflow, "Ban Biên tập duyệt", on the root of its page tree, with one
group-approval task for the board ("Thành viên Ban Biên tập" and "Trưởng Ban Biên tập").
Contributors and editors have no publish permission, so the workflow is their only way to
the public site; Wagtail notifies the approvers of each submission and the author of each
approval or rejection (with the comment).
"""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType

from wagtail.models import (
    DraftStateMixin,
    GroupApprovalTask,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowMixin,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.snippets.models import get_snippet_models

from accounts import roles

from .models import BoardApprovalTask

WORKFLOW_NAME = "Ban Biên tập duyệt"
TASK_NAME = "Ban Biên tập duyệt"
# Wagtail's migrations create this workflow on the tree root; we take it over.
WAGTAIL_DEFAULT_NAME = "Moderators approval"


def approval_snippet_models() -> list[type]:
    """Snippets that publish to citizens and can go through a workflow."""
    return [
        model
        for model in get_snippet_models()
        if issubclass(model, WorkflowMixin) and issubclass(model, DraftStateMixin)
    ]


def ensure_board_workflow() -> Workflow:
    """Create or repair the board's workflow in the current schema. Idempotent."""
    workflow = (
        Workflow.objects.filter(name=WORKFLOW_NAME).first()
        or Workflow.objects.filter(name=WAGTAIL_DEFAULT_NAME).first()
        or Workflow(name=WORKFLOW_NAME)
    )
    workflow.name = WORKFLOW_NAME
    workflow.active = True
    workflow.save()

    task = (
        GroupApprovalTask.objects.filter(name=TASK_NAME).first()
        or GroupApprovalTask.objects.filter(name=WAGTAIL_DEFAULT_NAME).first()
        or GroupApprovalTask(name=TASK_NAME)
    )
    task.name = TASK_NAME
    task.active = True
    # The row is a GroupApprovalTask; its content type makes it the board's proxy, whose
    # approval asks for confirmation (portals made before the proxy are moved here too).
    task.content_type = ContentType.objects.get_for_model(BoardApprovalTask, for_concrete_model=False)
    task.save()
    task.groups.set(Group.objects.filter(name__in=[roles.APPROVER, roles.BOARD_HEAD]))

    WorkflowTask.objects.exclude(task=task).filter(workflow=workflow).delete()
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    root = Page.get_first_root_node()
    # One workflow for the whole tree: a page-level assignment elsewhere would bypass it.
    WorkflowPage.objects.exclude(page=root).delete()
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})

    for model in approval_snippet_models():
        WorkflowContentType.objects.update_or_create(
            content_type=ContentType.objects.get_for_model(model), defaults={"workflow": workflow}
        )
    return workflow
