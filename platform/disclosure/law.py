"""What the Access to Information Law (Luật Tiếp cận thông tin 2016) asks a state agency to
disclose (art. 17.1), the ways it may do so (art. 19.1), and which of the portal's sections
carries each item: the disclosure list fills itself from the sections a portal has, and
editors add rows for what lives elsewhere."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class LawItem:
    letter: str  # art. 17.1's point
    title: str
    sections: tuple[str, ...] = ()  # slugs of the sections (core.sections) that carry it


class Method(models.TextChoices):
    """Art. 19.1: the ways of disclosing."""

    PORTAL = "cong-thong-tin", _("Đăng tải trên cổng thông tin điện tử")
    MEDIA = "bao-chi", _("Công khai trên phương tiện thông tin đại chúng")
    GAZETTE = "cong-bao", _("Đăng Công báo")
    POSTED = "niem-yet", _("Niêm yết tại trụ sở cơ quan và địa điểm khác")
    RECEPTION = "tiep-cong-dan", _("Qua tiếp công dân, họp báo, thông cáo báo chí, người phát ngôn")
    OTHER = "khac", _("Hình thức khác")


LAW_ITEMS: tuple[LawItem, ...] = (
    LawItem("a", _("Văn bản quy phạm pháp luật; văn bản hành chính có giá trị áp dụng chung; "
                   "điều ước quốc tế, thỏa thuận quốc tế; thủ tục hành chính, quy trình giải "
                   "quyết công việc"),
            ("van-ban", "cong-bao", "chi-dao-dieu-hanh", "dich-vu-cong")),
    LawItem("b", _("Thông tin phổ biến, hướng dẫn thực hiện pháp luật, chế độ, chính sách"),
            ("pho-bien-phap-luat",)),
    LawItem("c", _("Dự thảo văn bản quy phạm pháp luật; nội dung và kết quả trưng cầu ý dân, "
                   "tiếp thu ý kiến của Nhân dân; đề án thành lập, giải thể, nhập, chia đơn vị "
                   "hành chính, điều chỉnh địa giới hành chính"),
            ("lay-y-kien",)),
    LawItem("d", _("Chiến lược, chương trình, dự án, đề án, kế hoạch, quy hoạch phát triển "
                   "kinh tế – xã hội; chương trình, kế hoạch công tác hằng năm"),
            ("quy-hoach-ke-hoach",)),
    LawItem("đ", _("Dự toán, tình hình thực hiện, quyết toán ngân sách nhà nước"),
            ("cong-khai-ngan-sach",)),
    LawItem("e", _("Phân bổ, quản lý, sử dụng vốn ODA, vốn vay ưu đãi nước ngoài; "
                   "các khoản cứu trợ, trợ cấp xã hội, đóng góp của nhân dân, các loại quỹ"),
            ("du-an-dau-thau",)),
    LawItem("g", _("Danh mục dự án, chương trình đầu tư công, mua sắm công, đấu thầu; quy hoạch, "
                   "kế hoạch sử dụng đất, giá đất, thu hồi đất, bồi thường, tái định cư"),
            ("du-an-dau-thau", "quy-hoach-ke-hoach")),
    LawItem("h", _("Hoạt động đầu tư, quản lý, sử dụng vốn nhà nước tại doanh nghiệp; báo cáo "
                   "đánh giá, xếp loại doanh nghiệp; tổ chức và hoạt động của doanh nghiệp nhà "
                   "nước")),
    LawItem("i", _("Sản phẩm, hàng hóa, dịch vụ có tác động tiêu cực đến sức khỏe, môi trường; "
                   "kết luận kiểm tra, thanh tra, giám sát về môi trường, sức khỏe cộng đồng, "
                   "an toàn thực phẩm, an toàn lao động")),
    LawItem("k", _("Cơ cấu tổ chức, nhiệm vụ, quyền hạn của cơ quan và đơn vị trực thuộc; "
                   "nhiệm vụ, quyền hạn của cán bộ, công chức trực tiếp giải quyết công việc của "
                   "Nhân dân; nội quy, quy chế do cơ quan ban hành"),
            ("gioi-thieu",)),
    LawItem("l", _("Báo cáo công tác định kỳ; báo cáo tài chính năm; thông tin thống kê; "
                   "cơ sở dữ liệu quốc gia ngành, lĩnh vực; tuyển dụng, sử dụng, quản lý cán bộ, "
                   "công chức, viên chức; chương trình, đề tài khoa học"),
            ("thong-ke", "khoa-hoc-cong-nghe", "tin-tuc")),
    LawItem("m", _("Danh mục thông tin phải công khai; tên, địa chỉ, điện thoại, thư điện tử "
                   "của cơ quan, đầu mối tiếp nhận yêu cầu cung cấp thông tin"),
            ("danh-muc-thong-tin-cong-khai", "lien-he")),
    LawItem("n", _("Thông tin liên quan đến lợi ích công cộng, sức khỏe của cộng đồng"),
            ("hoi-dap",)),
    LawItem("o", _("Thông tin về thuế, phí, lệ phí")),
    LawItem("p", _("Thông tin khác phải được công khai theo quy định của pháp luật")),
)

LETTERS = [(item.letter, format_lazy("{}) {}", item.letter, item.title)) for item in LAW_ITEMS]
