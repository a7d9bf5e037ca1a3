"""The editors' review workflow: who approves what members and editors submit.

Installed by the data migration `bestpractice/0003_editorial_workflow`; tests and
`seed_demo` call `ensure_editorial_workflow()` again (it is idempotent), because
transactional tests flush what migrations wrote.
"""

from django.apps import apps as global_apps

WORKFLOW_NAME = "Prüfung durch die Redaktion"
TASK_NAME = "Freigabe durch die Redaktion"


def ensure_editorial_workflow(apps=global_apps):
    """The site's review workflow belongs to the editors (group "Editors"), not to Wagtail's
    default "Moderators approval": the README and the submitter's mail say that the Redaktion
    reviews, and the moderators of this site handle reports, not content."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Page = apps.get_model("wagtailcore.Page")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")

    editors, _ = Group.objects.get_or_create(name="Editors")
    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name=TASK_NAME, content_type=task_type, active=True
        )
    task.groups.add(editors)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    root = Page.objects.filter(depth=1).first()
    if root is None:
        return
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    # Editors curate the library, events and the digest: they may publish what they approve.
    page_type = ContentType.objects.filter(app_label="wagtailcore", model="page").first()
    if page_type is None:
        return
    for codename in ("add_page", "change_page", "publish_page"):
        permission = Permission.objects.filter(content_type=page_type, codename=codename).first()
        if permission is not None:
            GroupPagePermission.objects.get_or_create(
                group=editors, page=root, permission=permission
            )
    access_admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    if access_admin is not None:
        editors.permissions.add(access_admin)
