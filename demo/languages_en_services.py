"""English for the demo's online public services that foreigners can use (see languages_en.py)."""

from __future__ import annotations

SERVICES_ENGLISH: dict[str, str] = {
    "0,1% tổng giá trị hợp đồng, tối đa 10.000.000 đồng":
        "0.1% of the total contract value, up to a maximum of VND 10,000,000",
    "02 ảnh màu 4 cm x 6 cm.": "2 colour photographs, 4 cm x 6 cm.",
    "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ":
        "5 working days from receipt of a complete, valid dossier",
    "10 ngày kể từ ngày nhận đủ hồ sơ hợp lệ": "10 days from receipt of a complete, valid dossier",
    "145 USD/thẻ có thời hạn đến 2 năm; 155 USD/thẻ có thời hạn trên 2 năm đến 5 năm":
        "USD 145 per card valid for up to 2 years; USD 155 per card valid for more than 2 and up to 5 years",
    "15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ": "15 days from receipt of a complete, valid dossier",
    "2.000 đồng/trang; từ trang thứ ba 1.000 đồng/trang":
        "VND 2,000 per page; VND 1,000 per page from the third page onwards",
    "200.000 đồng/lần/người (sinh viên, người có công: 100.000 đồng)":
        "VND 200,000 per person per request (students and persons "
        "with meritorious services to the revolution: VND 100,000)",
    "600.000 đồng/giấy phép": "VND 600,000 per permit",
    "Bên nhận hoặc bên giao công nghệ, kể cả bên nước ngoài, nộp hồ sơ trong 90 ngày kể từ ngày ký hợp đồng.":
        "The transferee or transferor of the technology, including a foreign party, "
        "submits the dossier within 90 days from the date the contract is signed.",
    "Bản chính giấy tờ, văn bản.": "The original papers or documents.",
    "Bản chụp hộ chiếu hoặc thẻ căn cước, giấy tờ chứng minh nơi cư trú.":
        "A copy of the passport or identity card, and papers proving the place of residence.",
    "Bản gốc hoặc bản sao có chứng thực hợp đồng, kèm bản "
    "dịch tiếng Việt nếu hợp đồng bằng tiếng nước ngoài.":
        "The original or a certified copy of the contract, with a "
        "Vietnamese translation if the contract is in a foreign language.",
    "Bản sao cần chứng thực.": "The copies to be certified.",
    "Bản sao hộ chiếu còn giá trị.": "A copy of a valid passport.",
    "Bộ luật Lao động năm 2019.": "Labour Code 2019.",
    "Cha hoặc mẹ ký vào Sổ hộ tịch và nhận Giấy khai sinh.":
        "The father or mother signs the Civil Status Register and receives the Birth Certificate.",
    "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ "
    "quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận":
        "Certification of copies from the originals of papers and documents "
        "issued or certified by competent Vietnamese agencies and organisations",
    "Cán bộ kiểm tra hồ sơ, thu phí và hẹn ngày trả kết quả.":
        "An officer checks the dossier, collects the fee and sets a date for returning the result.",
    "Công chức tư pháp – hộ tịch kiểm tra hồ sơ, báo cáo Chủ tịch Ủy ban nhân dân.":
        "The justice and civil status officer checks the dossier "
        "and reports to the Chairman of the People's Committee.",
    "Cơ quan, tổ chức, cá nhân mời, bảo lãnh nộp hồ sơ trực "
    "tuyến hoặc tại Phòng Quản lý xuất nhập cảnh Công an tỉnh.":
        "The inviting or sponsoring agency, organisation or individual submits the dossier "
        "online or at the Immigration Management Division of the Provincial Police.",
    "Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận chủ trương đầu tư":
        "Issuance of the Investment Registration Certificate "
        "for projects not subject to investment policy approval",
    "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam":
        "Issuance of criminal record certificates to Vietnamese citizens and foreigners residing in Vietnam",
    "Cấp giấy chứng nhận đăng ký chuyển giao công nghệ (trừ "
    "trường hợp thuộc thẩm quyền của Bộ Khoa học và Công nghệ)":
        "Issuance of technology transfer registration certificates (except for "
        "cases under the authority of the Ministry of Science and Technology)",
    "Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam":
        "Issuance of work permits to foreign workers in Vietnam",
    "Cấp thẻ tạm trú cho người nước ngoài tại Việt Nam":
        "Issuance of temporary residence cards to foreigners in Vietnam",
    "Danh mục thủ tục hành chính và dịch vụ công trực tuyến do đơn vị giải "
    "quyết. Hồ sơ được nộp, theo dõi và nhận kết quả trên Cổng Dịch vụ công "
    "quốc gia hoặc Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh.":
        "List of administrative procedures and online public services handled by this agency. "
        "Dossiers are submitted and tracked, and results received, on the National Public "
        "Service Portal or the provincial Administrative Procedure Settlement Information System.",
    "Giấy chứng nhận sức khỏe còn hiệu lực.": "A valid health certificate.",
    "Giấy chứng sinh.": "Birth notice.",
    "Giấy tờ chứng minh thuộc trường hợp được cấp thẻ tạm trú.":
        "Papers proving eligibility for a temporary residence card.",
    "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Lai Châu":
        "Lai Chau Administrative Procedure Settlement Information System",
    "Hộ chiếu còn thời hạn ít nhất 13 tháng.": "A passport valid for at least 13 months.",
    "Không": "None",
    "Luật Chuyển giao công nghệ năm 2017.": "Law on Technology Transfer 2017.",
    "Luật Hộ tịch năm 2014.": "Law on Civil Status 2014.",
    "Luật Lý lịch tư pháp năm 2009.": "Law on Judicial Records 2009.",
    "Luật Nhập cảnh, xuất cảnh, quá cảnh, cư trú của người nước ngoài tại Việt Nam.":
        "Law on Entry, Exit, Transit and Residence of Foreigners in Vietnam.",
    "Luật Quốc tịch Việt Nam.": "Law on Vietnamese Nationality.",
    "Luật Đầu tư năm 2020.": "Law on Investment 2020.",
    "Nghị định số 219/2025/NĐ-CP về người lao động nước ngoài làm việc tại Việt Nam.":
        "Decree No. 219/2025/ND-CP on foreign workers in Vietnam.",
    "Nghị định số 23/2015/NĐ-CP về chứng thực.": "Decree No. 23/2015/ND-CP on certification.",
    "Nghị định số 31/2021/NĐ-CP.": "Decree No. 31/2021/ND-CP.",
    "Nghị định số 76/2018/NĐ-CP.": "Decree No. 76/2018/ND-CP.",
    "Người sử dụng lao động nộp hồ sơ trên Cổng Dịch vụ công quốc gia hoặc tại Trung tâm Phục vụ hành "
    "chính công tỉnh chậm nhất 15 ngày trước ngày người lao động nước ngoài dự kiến bắt đầu làm việc.":
        "The employer submits the dossier on the National Public Service Portal "
        "or at the Provincial Public Administration Service Centre no later "
        "than 15 days before the foreign worker is expected to start work.",
    "Người thực hiện chứng thực đối chiếu, ký và đóng dấu.":
        "The certifying officer checks the copies against the originals, signs and affixes the seal.",
    "Người yêu cầu, kể cả người nước ngoài, xuất trình bản chính và bản sao cần chứng thực.":
        "The requester, including a foreigner, presents the originals and the copies to be certified.",
    "Người đi đăng ký nộp hồ sơ trực tuyến hoặc tại bộ phận một cửa của xã.":
        "The registrant submits the dossier online or at the commune's one-stop desk.",
    "Nhà đầu tư, kể cả nhà đầu tư nước ngoài, kê khai trực tuyến "
    "trên Hệ thống thông tin quốc gia về đầu tư rồi nộp hồ sơ giấy.":
        "The investor, including a foreign investor, declares the project online on "
        "the National Investment Information System and then submits the paper dossier.",
    "Nhận Phiếu lý lịch tư pháp điện tử hoặc bản giấy qua bưu chính.":
        "Receive the electronic criminal record certificate, or the paper one by post.",
    "Nhận thẻ tạm trú trực tiếp hoặc qua dịch vụ bưu chính công ích.":
        "Receive the temporary residence card in person or through the public postal service.",
    "Nộp tờ khai và ảnh chụp giấy tờ trên Cổng Dịch vụ công quốc gia hoặc ứng dụng VNeID.":
        "Submit the declaration form and photos of the papers "
        "on the National Public Service Portal or the VNeID app.",
    "Phiếu lý lịch tư pháp.": "A criminal record certificate.",
    "Phòng Quản lý xuất nhập cảnh, Công an tỉnh Lai Châu":
        "Immigration Management Division, Lai Chau Provincial Police",
    "Sở Nội vụ kiểm tra hồ sơ, cấp giấy phép lao động; trường "
    "hợp không cấp thì trả lời bằng văn bản và nêu rõ lý do.":
        "The Department of Home Affairs checks the dossier and issues the work "
        "permit; if the permit is refused, it replies in writing stating the reasons.",
    "Sở Nội vụ tỉnh Lai Châu": "Lai Chau Department of Home Affairs",
    "Sở Tài chính cấp Giấy chứng nhận đăng ký đầu tư.":
        "The Department of Finance issues the Investment Registration Certificate.",
    "Sở Tư pháp tỉnh Lai Châu": "Lai Chau Department of Justice",
    "Sở xem xét và cấp giấy chứng nhận.": "The Department reviews the dossier and issues the certificate.",
    "Thanh toán lệ phí trực tuyến.": "Pay the fee online.",
    "Theo Nghị quyết của Hội đồng nhân dân tỉnh": "As set by resolution of the Provincial People's Council",
    "Thông tư số 244/2016/TT-BTC quy định mức thu phí cung cấp thông tin lý lịch tư pháp.":
        "Circular No. 244/2016/TT-BTC on fees for the provision of judicial record information.",
    "Thông tư số 25/2021/TT-BTC quy định mức thu phí, lệ phí trong lĩnh vực xuất cảnh, nhập cảnh.":
        "Circular No. 25/2021/TT-BTC on fees and charges in the field of exit and entry.",
    "Trong ngày làm việc": "Within the working day",
    "Trong ngày làm việc; nếu phải xác minh, không quá 05 ngày làm việc":
        "Within the working day; if verification is needed, no more than 5 working days",
    "Tài liệu về tư cách pháp lý của nhà đầu tư.": "Documents on the investor's legal status.",
    "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp.": "Declaration requesting a criminal record certificate.",
    "Tờ khai đăng ký khai sinh.": "Birth registration form.",
    "Tờ khai đề nghị cấp thẻ tạm trú (mẫu NA8) có dán ảnh.":
        "Temporary residence card application form (form NA8) with a photograph affixed.",
    "Văn bản chứng minh nhà quản lý, giám đốc điều hành, chuyên gia hoặc lao động kỹ thuật.":
        "Papers proving status as a manager, executive director, expert or technical worker.",
    "Văn bản thỏa thuận của cha, mẹ về việc chọn quốc tịch cho con (nếu có).":
        "The parents' written agreement on the choice of the child's nationality (if any).",
    "Văn bản đề nghị cấp giấy phép lao động (Mẫu số 11/PLI).":
        "Written request for a work permit (Form No. 11/PLI).",
    "Văn bản đề nghị của cơ quan, tổ chức, cá nhân mời, bảo lãnh.":
        "Written request from the inviting or sponsoring agency, organisation or individual.",
    "Văn bản đề nghị thực hiện dự án đầu tư.": "Written request to implement the investment project.",
    "Văn bản đề nghị đăng ký chuyển giao công nghệ.":
        "Written request for registration of the technology transfer.",
    "chung-thuc-ban-sao": "certification-of-copies",
    "dang-ky-chuyen-giao-cong-nghe": "technology-transfer-registration",
    "dang-ky-khai-sinh-yeu-to-nuoc-ngoai": "birth-registration-foreign-element",
    "giay-chung-nhan-dang-ky-dau-tu": "investment-registration-certificate",
    "giay-phep-lao-dong-nguoi-nuoc-ngoai": "work-permits-for-foreign-workers",
    "phieu-ly-lich-tu-phap": "criminal-record-certificates",
    "the-tam-tru-nguoi-nuoc-ngoai": "temporary-residence-cards-for-foreigners",
    "Đăng ký khai sinh có yếu tố nước ngoài": "Birth registration involving a foreign element",
    "Đề xuất dự án đầu tư.": "Investment project proposal.",
    "Ủy ban nhân dân cấp xã": "Commune People's Committee",
}
