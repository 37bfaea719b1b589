"""Public forms (questions, petitions, comments) and the board's action forms."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from core.text import nfc

from . import spam
from .models import ConsultationComment, Question, QuestionTopic
from .validators import validate_attachment, validate_phone


@dataclass(frozen=True)
class ErrorLink:
    anchor: str  # the id to jump to
    label: str
    message: str


# Shown for a NUL byte in any text field: it cannot be typed, so it came from a paste or a
# robot; the form says so instead of failing (PostgreSQL refuses to store it).
NUL_MESSAGE = _("Nội dung có ký tự không hợp lệ (ký tự NUL) và đã được bỏ đi; vui lòng kiểm tra lại.")
BODY_MAX_LENGTH_MESSAGE = _(
    "Nội dung quá dài: tối đa %(limit_value)d ký tự (bạn đã nhập %(show_value)d ký tự)."
)


class ErrorSummaryMixin:
    """The error summary's entries: one link per message, to the field it is about."""

    def error_links(self) -> list[ErrorLink]:
        links = [ErrorLink("", "", str(e)) for e in self.non_field_errors()]
        for name, errors in self.errors.items():
            if name == forms.forms.NON_FIELD_ERRORS or name not in self.fields:
                continue
            bound = self[name]
            # A group of radio buttons is reached through its first button.
            anchor = f"{bound.auto_id}_0" if bound.widget_type == "radioselect" else bound.auto_id
            for error in errors:
                links.append(ErrorLink(anchor, str(bound.label), str(error)))
        return links


def mark_required(form: forms.BaseForm, names: tuple[str, ...]) -> None:
    """Fields always required but checked in clean() (their message depends on other
    answers): marked as required for the citizen and for assistive technology."""
    for name in names:
        field = form.fields[name]
        field.shown_required = True
        field.widget.attrs["aria-required"] = "true"


class CitizenFormMixin(ErrorSummaryMixin):
    """Form token, honeypot, NFC text and an error summary for public forms.

    Every error re-renders the form with what the citizen typed (minus any NUL byte) and a
    message in Vietnamese; the token is renewed only when it can no longer be used.
    """

    token_purpose = ""  # which form a token is good for ("question", "comment")
    honeypot_error = _("Không gửi được nội dung. Vui lòng thử lại.")
    token_messages = {
        spam.TokenState.INVALID: _("Không gửi được nội dung. Vui lòng bấm “Gửi” lại."),
        spam.TokenState.TOO_FAST: _(
            "Biểu mẫu được gửi quá nhanh. Vui lòng kiểm tra lại nội dung rồi bấm “Gửi”."
        ),
        spam.TokenState.EXPIRED: _(
            "Biểu mẫu đã mở quá 2 giờ. Nội dung bạn nhập vẫn được giữ nguyên; vui lòng bấm "
            "“Gửi” lại."
        ),
        spam.TokenState.USED: _(
            "Nội dung này đã được gửi trước đó: mỗi lần mở biểu mẫu chỉ gửi được một lần. "
            "Nếu bạn muốn gửi thêm, hãy bấm “Gửi” lại."
        ),
    }

    def add_spam_fields(self) -> None:
        self.fields[spam.HONEYPOT_FIELD] = forms.CharField(
            label=_("Để trống ô này"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        self.fields[spam.TOKEN_FIELD] = forms.CharField(
            widget=forms.HiddenInput, required=False, initial=spam.issue_token(self.token_purpose)
        )
        self.is_spam = False
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                field.error_messages["null_characters_not_allowed"] = NUL_MESSAGE

    def renew_token(self) -> None:
        """A fresh token for the next attempt; everything else the citizen typed stays."""
        if self.is_bound:
            data = self.data.copy()
            data[spam.TOKEN_FIELD] = spam.issue_token(self.token_purpose)
            data[spam.HONEYPOT_FIELD] = ""
            self.data = data

    def clean_spam(self, cleaned: dict) -> None:
        if cleaned.get(spam.HONEYPOT_FIELD):
            self.is_spam = True
            raise ValidationError(self.honeypot_error, code="spam")
        state = spam.check_token(self.data.get(spam.TOKEN_FIELD), self.token_purpose)
        if state is spam.TokenState.VALID:
            return
        self.is_spam = state is spam.TokenState.INVALID
        self.add_error(None, ValidationError(self.token_messages[state], code=f"token_{state.value}"))
        if state is not spam.TokenState.TOO_FAST:  # waiting a moment is all that one needs
            self.renew_token()

    def full_clean(self) -> None:
        super().full_clean()
        if self.is_bound and self._errors:
            self._drop_nul_bytes()

    def claim_token(self) -> bool:
        """Use the form's token up, once the form is valid and about to be saved. False (with
        an error for the form) when another request with the same token got there first,
        e.g. a double click."""
        if spam.consume_token(self.data.get(spam.TOKEN_FIELD)):
            return True
        self.add_error(None, ValidationError(self.token_messages[spam.TokenState.USED], code="token_used"))
        self.renew_token()
        return False

    def _drop_nul_bytes(self) -> None:
        """What is shown again must be what can be sent again."""
        if not any("\x00" in value for _name, values in self.data.lists() for value in values):
            return
        data = self.data.copy()
        for name, values in list(data.lists()):
            data.setlist(name, [value.replace("\x00", "") for value in values])
        self.data = data

    def normalise(self, cleaned: dict) -> None:
        for name, value in cleaned.items():
            if isinstance(value, str):
                cleaned[name] = nfc(value).strip()

    organisation_fields: tuple[str, ...] = ()  # shown only once "Tổ chức" is chosen

    def visible_public_fields(self):
        hidden = {spam.HONEYPOT_FIELD, spam.TOKEN_FIELD, "consent", *self.organisation_fields}
        return [self[name] for name in self.fields if name not in hidden]

    def organisation_public_fields(self):
        return [self[name] for name in self.organisation_fields]


CONSENT_LABEL = _(
    "Tôi đồng ý để Ban Biên tập dùng thông tin cá nhân trên chỉ để trả lời tôi; thông tin "
    "này không được đăng công khai."
)


class QuestionForm(CitizenFormMixin, forms.ModelForm):
    consent = forms.BooleanField(
        label=CONSENT_LABEL,
        error_messages={"required": _("Vui lòng đồng ý với việc sử dụng thông tin cá nhân.")},
    )

    class Meta:
        model = Question
        fields = [
            "asker_type",
            "full_name",
            "position",
            "organisation_name",
            "licence_number",
            "address",
            "phone",
            "email",
            "topic",
            "title",
            "body",
            "attachment",
        ]
        widgets = {
            "asker_type": forms.RadioSelect,
            "body": forms.Textarea(attrs={"rows": 8}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            # One line of address: "street-address" is for a multi-line field only (HTML autofill).
            "address": forms.TextInput(attrs={"autocomplete": "address-line1"}),
        }
        labels = {
            "full_name": _("Họ và tên (tổ chức: họ và tên người đại diện)"),
            "address": _("Địa chỉ (tổ chức: địa chỉ trụ sở)"),
            "email": _("Thư điện tử (nếu có)"),
            "attachment": _("Tệp đính kèm (nếu có)"),
        }
        help_texts = {
            "full_name": "",
            "address": "",
            "position": _("Chỉ với tổ chức."),
            "organisation_name": _("Chỉ với tổ chức."),
            "licence_number": _("Chỉ với tổ chức."),
            "email": _("Nếu ghi thư điện tử, bạn sẽ nhận giấy báo đã tiếp nhận và câu trả lời."),
            "attachment": _("PDF, DOC, DOCX, JPG hoặc PNG; tối đa 5 MB."),
        }
        error_messages = {
            "title": {"required": _("Vui lòng nhập tiêu đề.")},
            "body": {"required": _("Vui lòng nhập nội dung."), "max_length": BODY_MAX_LENGTH_MESSAGE},
            "email": {"invalid": _("Địa chỉ thư điện tử không hợp lệ (ví dụ: ten@example.vn).")},
            "asker_type": {"required": _("Vui lòng chọn người hỏi là cá nhân hay tổ chức.")},
        }

    token_purpose = "question"
    organisation_fields = ("organisation_name", "position", "licence_number")

    def __init__(self, *args, kind: str = Question.Kind.QUESTION, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.fields["asker_type"].choices = Question.AskerType.choices
        self.fields["topic"].queryset = QuestionTopic.objects.all()
        self.fields["topic"].empty_label = _("— Chọn lĩnh vực —")
        self.fields["attachment"].validators.append(validate_attachment)
        if kind == Question.Kind.PETITION:
            self.fields["title"].label = _("Tiêu đề phản ánh, kiến nghị")
            self.fields["body"].label = _("Nội dung phản ánh, kiến nghị về quy định hành chính")
        else:
            self.fields["body"].label = _("Nội dung câu hỏi")
        mark_required(self, ("full_name", "address", "phone"))
        for name in self.organisation_fields:
            mark_required(self, (name,))
        self.add_spam_fields()

    def clean(self) -> dict:
        cleaned = super().clean()
        self.normalise(cleaned)
        self.clean_spam(cleaned)
        organisation = cleaned.get("asker_type") == Question.AskerType.ORGANISATION
        required = (
            {
                "organisation_name": _("Vui lòng nhập tên tổ chức."),
                "full_name": _("Vui lòng nhập họ và tên người đại diện của tổ chức."),
                "position": _("Vui lòng nhập chức vụ của người đại diện."),
                "licence_number": _("Vui lòng nhập số quyết định thành lập hoặc số giấy phép hoạt động."),
                "address": _("Vui lòng nhập địa chỉ trụ sở của tổ chức."),
                "phone": _("Vui lòng nhập số điện thoại."),
            }
            if organisation
            else {
                "full_name": _("Vui lòng nhập họ và tên."),
                "address": _("Vui lòng nhập địa chỉ."),
                "phone": _("Vui lòng nhập số điện thoại."),
            }
        )
        for name, message in required.items():
            if not cleaned.get(name) and name not in self.errors:
                self.add_error(name, message)
        phone = cleaned.get("phone")
        if phone and "phone" not in self.errors:
            try:
                validate_phone(phone)
            except ValidationError as exc:
                self.add_error("phone", exc)
        body = cleaned.get("body")
        if body and len(body) < 20 and "body" not in self.errors:
            self.add_error("body", _("Nội dung quá ngắn: vui lòng trình bày rõ (ít nhất 20 ký tự)."))
        if not organisation:
            for name in ("position", "organisation_name", "licence_number"):
                cleaned[name] = ""
        return cleaned

    def save(self, commit: bool = True) -> Question:
        question = super().save(commit=False)
        question.kind = self.kind
        upload = self.cleaned_data.get("attachment")
        if upload:
            question.attachment_name = nfc(upload.name)[:255]
        if commit:
            question.save()
        return question


class CommentForm(CitizenFormMixin, forms.ModelForm):
    consent = forms.BooleanField(
        label=_(
            "Tôi đồng ý để cơ quan soạn thảo dùng thông tin cá nhân trên chỉ để tổng hợp ý "
            "kiến; thông tin này không được đăng công khai."
        ),
        error_messages={"required": _("Vui lòng đồng ý với việc sử dụng thông tin cá nhân.")},
    )

    class Meta:
        model = ConsultationComment
        fields = [
            "commenter_type",
            "full_name",
            "organisation_name",
            "address",
            "email",
            "phone",
            "section",
            "body",
        ]
        widgets = {
            "commenter_type": forms.RadioSelect,
            "body": forms.Textarea(attrs={"rows": 8}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
        }
        help_texts = {
            "organisation_name": _("Chỉ với tổ chức."),
            "email": _("Ghi thư điện tử hoặc số điện thoại để cơ quan soạn thảo liên hệ khi cần."),
        }
        error_messages = {
            "body": {"required": _("Vui lòng nhập nội dung góp ý."), "max_length": BODY_MAX_LENGTH_MESSAGE},
            "email": {"invalid": _("Địa chỉ thư điện tử không hợp lệ (ví dụ: ten@example.vn).")},
        }

    token_purpose = "comment"
    organisation_fields = ("organisation_name",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commenter_type"].choices = ConsultationComment.CommenterType.choices
        mark_required(self, ("full_name", *self.organisation_fields))
        self.add_spam_fields()

    def clean(self) -> dict:
        cleaned = super().clean()
        self.normalise(cleaned)
        self.clean_spam(cleaned)
        if not cleaned.get("full_name") and "full_name" not in self.errors:
            self.add_error("full_name", _("Vui lòng nhập họ và tên."))
        organisation = cleaned.get("commenter_type") == ConsultationComment.CommenterType.ORGANISATION
        if organisation and not cleaned.get("organisation_name"):
            self.add_error("organisation_name", _("Vui lòng nhập tên tổ chức."))
        if not cleaned.get("email") and not cleaned.get("phone") and "email" not in self.errors:
            self.add_error("email", _("Vui lòng ghi thư điện tử hoặc số điện thoại."))
        phone = cleaned.get("phone")
        if phone:
            try:
                validate_phone(phone)
            except ValidationError as exc:
                self.add_error("phone", exc)
        if not organisation:
            cleaned["organisation_name"] = ""
        return cleaned


class LookupForm(ErrorSummaryMixin, forms.Form):
    ma = forms.CharField(
        label=_("Mã tra cứu"),
        max_length=20,
        help_text=_("Mã gồm 10 ký tự, được cấp khi bạn gửi câu hỏi."),
        error_messages={"required": _("Vui lòng nhập mã tra cứu.")},
    )

    def clean_ma(self) -> str:
        return "".join(self.cleaned_data["ma"].split()).upper()


class QuestionFilterForm(forms.Form):
    q = forms.CharField(label=_("Từ khóa"), required=False, max_length=200)
    linh_vuc = forms.ModelChoiceField(
        label=_("Lĩnh vực"),
        queryset=QuestionTopic.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label=_("Tất cả lĩnh vực"),
    )
    loai = forms.ChoiceField(
        label=_("Loại"),
        required=False,
        choices=[("", _("Tất cả")), *Question.Kind.choices],
    )


# --- The board's actions --------------------------------------------------------------------


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def clean_note(self) -> str:
        return nfc(self.cleaned_data["note"]).strip()


class ApproveForm(NoteForm):
    """The leader's approval sends the answer to the asker: it is confirmed, not one click."""

    confirmed = forms.BooleanField(
        label=_("Tôi đã đọc câu trả lời và đồng ý gửi cho người hỏi"),
        required=True,
        error_messages={"required": _("Hãy đánh dấu xác nhận trước khi duyệt.")},
    )


class ClassifyForm(NoteForm):
    kind = forms.ChoiceField(label=_("Loại"), choices=Question.Kind.choices)
    topic = forms.ModelChoiceField(
        label=_("Lĩnh vực"),
        queryset=QuestionTopic.objects.all(),
        error_messages={"required": _("Vui lòng chọn lĩnh vực.")},
    )


class AssignForm(NoteForm):
    assigned_unit = forms.CharField(
        label=_("Đơn vị xử lý"),
        max_length=255,
        error_messages={"required": _("Vui lòng nhập đơn vị chịu trách nhiệm trả lời.")},
    )
    assigned_to = forms.ModelChoiceField(
        label=_("Cán bộ xử lý"), required=False, queryset=get_user_model().objects.none()
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].queryset = (
            get_user_model().objects.filter(is_active=True).order_by("username")
        )

    def clean_assigned_unit(self) -> str:
        return nfc(self.cleaned_data["assigned_unit"]).strip()


class RefuseForm(NoteForm):
    reason = forms.ChoiceField(
        label=_("Lý do từ chối"),
        choices=Question.RefusalReason.choices,
        error_messages={"required": _("Vui lòng chọn lý do từ chối.")},
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("reason") == Question.RefusalReason.OTHER and not cleaned.get("note"):
            self.add_error("note", _("Vui lòng ghi rõ lý do từ chối."))
        return cleaned


class ProgressForm(NoteForm):
    new_deadline = forms.DateField(
        label=_("Hạn trả lời mới"),
        # Text, not type="date": a browser in another language would show mm/dd/yyyy.
        widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"}),
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        error_messages={"required": _("Vui lòng chọn hạn trả lời mới.")},
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        if not cleaned.get("note"):
            self.add_error("note", _("Vui lòng ghi nội dung thông báo tiến độ gửi người hỏi."))
        day = cleaned.get("new_deadline")
        if day and day < dt.date.today():
            self.add_error("new_deadline", _("Hạn mới không được ở trong quá khứ."))
        return cleaned


class AnswerForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = [
            "answer",
            "answered_by_unit",
            "answerer_name",
            "answerer_title",
            "cited_documents",
            "citation_notes",
            "public_title",
            "public_body",
        ]
        widgets = {
            "answer": forms.Textarea(attrs={"rows": 10}),
            "citation_notes": forms.Textarea(attrs={"rows": 3}),
            "public_body": forms.Textarea(attrs={"rows": 5}),
            "cited_documents": forms.SelectMultiple(attrs={"size": 8}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from legaldocs.models import LegalDocumentPage

        self.fields["cited_documents"].queryset = LegalDocumentPage.objects.live().order_by(
            "-issue_date", "title"
        )
        self.fields["cited_documents"].label_from_instance = lambda doc: (
            # Cut between words, with an ellipsis: a cut word can read as another word.
            f"{doc.display_name} – {Truncator(doc.summary).words(14)}"
        )
        for name in ("answer", "answered_by_unit", "answerer_name", "answerer_title"):
            self.fields[name].required = True
        self.fields["answer"].error_messages["required"] = _("Vui lòng nhập nội dung trả lời.")
        self.fields["answerer_name"].error_messages["required"] = _(
            "Vui lòng ghi người trả lời (lãnh đạo đơn vị)."
        )

    def clean(self) -> dict:
        cleaned = super().clean()
        for name, value in cleaned.items():
            if isinstance(value, str):
                cleaned[name] = nfc(value).strip()
        return cleaned


class PublishForm(NoteForm):
    publish = forms.BooleanField(label=_("Đăng công khai câu hỏi và câu trả lời"), required=False)


class ForwardForm(NoteForm):
    portal = forms.ChoiceField(label=_("Chuyển tới cổng thành viên"))

    def __init__(self, *args, portals=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.portals = {p.schema_name: p for p in portals}
        self.fields["portal"].choices = [("", _("— Chọn cổng —"))] + [
            (p.schema_name, p.name) for p in portals
        ]
        self.fields["portal"].error_messages["required"] = _("Vui lòng chọn cổng thành viên.")


class PersonalDataSearchForm(forms.Form):
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    phone = forms.CharField(label=_("Điện thoại"), required=False, max_length=30)
    tracking_code = forms.CharField(label=_("Mã tra cứu"), required=False, max_length=20)

    def clean(self) -> dict:
        cleaned = super().clean()
        cleaned["email"] = (cleaned.get("email") or "").strip().lower()
        cleaned["phone"] = "".join((cleaned.get("phone") or "").split())
        cleaned["tracking_code"] = "".join((cleaned.get("tracking_code") or "").split()).upper()
        if not any(cleaned.get(k) for k in ("email", "phone", "tracking_code")):
            raise ValidationError(_("Nhập thư điện tử, số điện thoại hoặc mã tra cứu."))
        return cleaned
