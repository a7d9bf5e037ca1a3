"""Member submission of case studies: parse the request, call a service, render."""

from urllib.parse import urlparse

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST, require_safe

from bestpractice import selectors, services
from bestpractice.forms import LAST_STEP, MAX_KPIS, STEP_FORMS, STEPS, StartSubmissionForm
from bestpractice.models import CaseStudySubmission
from bestpractice.video import embed_url_from_token

STEP_FIELD_NAMES = {
    *(name for form_class in STEP_FORMS.values() for name in form_class.base_fields),
    *(f"kpi_{number}_{part}" for number in range(1, MAX_KPIS + 1) for part in ("label", "value")),
}


def _refused(request, error):
    return render(
        request, "bestpractice/submission_refused.html", {"reason": str(error)}, status=403
    )


def submissions(request):
    """ "Meine Einreichungen" and the start of a new one; explains who may submit."""
    if not request.user.is_authenticated:
        return _refused(
            request,
            services.SubmissionRefused(
                _("Bitte melden Sie sich an. Praxisbeispiele reichen Mitglieder von Kommunen ein.")
            ),
        )
    organisations = services.submitting_organisations(request.user)
    start_form = StartSubmissionForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and start_form.is_valid():
        try:
            submission = services.start_submission(
                request.user, start_form.cleaned_data["organisation"]
            )
        except services.SubmissionRefused as error:
            return _refused(request, error)
        return redirect("bestpractice:submission_step", pk=submission.pk, step=1)
    own = selectors.submissions_of(request.user)
    if not own and not organisations.exists():
        try:
            services.check_can_submit(request.user)
        except services.SubmissionRefused as error:
            return _refused(request, error)
    return render(
        request,
        "bestpractice/submission_list.html",
        {
            "submissions": own,
            "start_form": start_form if organisations.exists() else None,
        },
    )


def _with_review_notes(form, notes):
    """Hang the editors' comments on the bound fields so that each shows beside its field;
    return the comments that belong to no field of this step."""
    for name, texts in notes.items():
        if name in form.fields:
            form[name].review_notes = texts  # bound fields are cached by the form
    return [text for name, texts in notes.items() if name not in STEP_FIELD_NAMES for text in texts]


def _step_context(submission, step, form, **extra):
    notes = {}
    if submission.status == CaseStudySubmission.Status.CHANGES_REQUESTED:
        notes = selectors.review_notes(submission)
    return {
        "review_notes": (
            _with_review_notes(form, notes)
            if form is not None
            else [text for texts in notes.values() for text in texts]
        ),
        "submission": submission,
        "step": step,
        "steps": STEPS,
        "step_label": dict(STEPS)[step],
        "form": form,
        "previous_step": step - 1 if step > 1 else None,
        **extra,
    }


@login_required
def submission_step(request, pk, step):
    submission = get_object_or_404(CaseStudySubmission, pk=pk, submitter=request.user)
    if step not in dict(STEPS):
        return redirect("bestpractice:submission_step", pk=pk, step=1)
    if not submission.is_editable:
        messages.info(request, _("Diese Einreichung liegt bei der Redaktion."))
        return redirect("bestpractice:submissions")
    if step == LAST_STEP:
        return render(
            request,
            "bestpractice/submission_review.html",
            _step_context(submission, step, None, missing=services.missing_fields(submission)),
        )

    form_class = STEP_FORMS[step]
    form_kwargs = {"has_image": bool(submission.image)} if step == 4 else {}
    if request.method != "POST":
        form = form_class(initial=form_class.initial_from(submission), **form_kwargs)
        return render(
            request, "bestpractice/submission_step.html", _step_context(submission, step, form)
        )

    form = form_class(request.POST, request.FILES, **form_kwargs)
    if not form.is_valid():
        return render(
            request,
            "bestpractice/submission_step.html",
            _step_context(submission, step, form),
            status=422,
        )
    try:
        services.save_submission_draft(request.user, submission, step, form.cleaned_data)
    except services.SubmissionRefused as error:
        return _refused(request, error)
    except ValidationError as error:
        form.add_error(None, error)
        return render(
            request,
            "bestpractice/submission_step.html",
            _step_context(submission, step, form),
            status=422,
        )
    action = request.POST.get("action", "next")
    if action == "save":
        messages.success(request, _("Ihr Entwurf ist gespeichert."))
        return redirect("bestpractice:submission_step", pk=pk, step=step)
    if action == "back" and step > 1:
        return redirect("bestpractice:submission_step", pk=pk, step=step - 1)
    return redirect("bestpractice:submission_step", pk=pk, step=step + 1)


@login_required
@require_POST
def submission_submit(request, pk):
    submission = get_object_or_404(CaseStudySubmission, pk=pk, submitter=request.user)
    try:
        services.submit_case_study(request.user, submission)
    except services.SubmissionRefused as error:
        return _refused(request, error)
    except ValidationError as error:
        return render(
            request,
            "bestpractice/submission_review.html",
            _step_context(
                submission,
                LAST_STEP,
                None,
                missing=services.missing_fields(submission),
                submit_errors=error.messages,
            ),
            status=422,
        )
    messages.success(
        request,
        _("Danke! Ihr Praxisbeispiel ist bei der Redaktion. Wir melden uns per E-Mail."),
    )
    return redirect("bestpractice:submissions")


@xframe_options_sameorigin
@require_safe
def video_frame(request):
    """The player of a two-click video, framed by our own page after the click.

    Only this response names the video host in its Content-Security-Policy, so no page
    allows the host before the visitor chose to load the video."""
    embed_url = embed_url_from_token(request.GET.get("v", ""))
    if embed_url is None:
        raise Http404(_("Dieses Video gibt es nicht."))
    parsed = urlparse(embed_url)
    request.csp_frame_hosts.add(f"{parsed.scheme}://{parsed.netloc}")
    return render(request, "bestpractice/video_frame.html", {"embed_url": embed_url})
