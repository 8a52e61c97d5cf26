## This language's own name, as the language switcher shows it.

language-name = کٲشُر

## The hosted consent page.

page-language = زبان
page-asks-consent = { $org } چھُ تُہٕنٛز رضامنٛدی مَنٛگان
page-notice = اِطلاع
page-purposes = تُہُنٛد ڈیٹا یِیہِ کَتھ باپتھ وَرتاونہٕ
page-purposes-hint = یِمن مقصدن سٕتۍ توٚہہِ مُتفِق چھِو، تِمن کٔرِو نِشانہٕ تہٕ پَتہٕ کٔرِو پنٕنۍ اِنتِخاب محفوظ۔ یا کٔرِو سٲری مقصد منظوٗر یا نامنظوٗر۔
page-required = لازمی
page-data-used = وَرتاونہٕ یِنہٕ وول ڈیٹا: { $categories }
page-approve = منظوٗر کٔرِو
page-decline = نامنظوٗر کٔرِو
page-save = اِنتِخاب محفوظ کٔرِو
page-withdraw = رضامنٛدی واپس ہیٚیِو
page-receipt-title = تُہُنٛد فیصلہٕ آو درج کرنہٕ
page-receipt-summary =
    { $action ->
        [approved] توٚہہِ کٔرۍ { $date } پیٚٹھ سٲری مقصد منظوٗر۔
        [declined] توٚہہِ کٔرۍ { $date } پیٚٹھ سٲری مقصد نامنظوٗر۔
        [withdrawn] توٚہہِ ہیٚچ { $date } پیٚٹھ پنٕنۍ رضامنٛدی واپس۔
       *[partial] توٚہہِ کٔرۍ { $date } پیٚٹھ کینٛہہ مقصد منظوٗر۔
    }
page-granted = اِجازت چھےٚ
page-not-granted = اِجازت چھےٚ نہٕ
page-reference = حوالہٕ: { $reference }
page-change-hint = توٚہہِ ہیٚکِو یَتھی لِنٛکہٕ ذٔریعہٕ کُنہِ تہِ وقتہٕ پنُن فیصلہٕ بَدلٲوِتھ یا رضامنٛدی واپس ہیٚتھ۔
page-valid-until = یہِ لِنٛک چھُ { $date } تام کٲم کَران۔
page-expired-title = یمہِ لِنٛکُک وقت چھُ ختم گوٚمُت
page-expired-body = رضامنٛدی ہٕنٛدۍ لِنٛک چھِ صِرف محدوٗد وقتس باپتھ کٲم کَران۔ یَمہِ اِدارن یہِ لِنٛک سوزمُت چھُ، تَمہِ نِشہِ مَنٛگِو نوٚو لِنٛک۔
page-replaced-title = یہِ لِنٛک آو بَدلاونہٕ
page-replaced-body = یمہِ درخواستہِ باپتھ آو اکھ نوٚو لِنٛک سوزنہٕ۔ مہربٲنی کٔرِتھ وَرتٲوِو سُہ پیغام یُس توٚہہِ سارِوٕے پَتہٕ میوٚل۔
page-unknown-title = لِنٛک آو نہٕ لبنہٕ
page-unknown-body = یہِ رضامنٛدی لِنٛک چھُ نہٕ موجوٗد۔ وُچھِو زِ توٚہہِ چھا پوٗرٕ لِنٛک کھولمُت۔
page-error-title = کینٛہہ گوٚو غلط
page-error-body = مہربٲنی کٔرِتھ کینٛہہ وقتہٕ پَتہٕ کٔرِو دوبارٕ کوشِش۔

## Answers when a decision from the hosted page could not be saved.

decision-too-many-title = سیٹھا زیادٕ تبدیلیہٕ
decision-too-many-body =
    { $minutes ->
        [one] یمہِ لِنٛکہٕ ذٔریعہٕ آیہِ ژھۄٹہِ وقتس منٛز واریاہ فیصلہٕ کرنہٕ۔ تُہُنٛد پَتِم اِنتِخاب آو نہٕ محفوظ کرنہٕ؛ { $minutes } مِنَٹ پَتہٕ کٔرِو دوبارٕ کوشِش۔
       *[other] یمہِ لِنٛکہٕ ذٔریعہٕ آیہِ ژھۄٹہِ وقتس منٛز واریاہ فیصلہٕ کرنہٕ۔ تُہُنٛد پَتِم اِنتِخاب آو نہٕ محفوظ کرنہٕ؛ { $minutes } مِنَٹ پَتہٕ کٔرِو دوبارٕ کوشِش۔
    }
decision-unreadable-title = تُہُنٛد اِنتِخاب ووت نہٕ اَسہِ تام
decision-unreadable-body = مہربٲنی کٔرِتھ گٔژھِو پَتھ تہٕ کٔرِو دوبارٕ کوشِش۔
decision-missing-title = کانٛہہ اکھ ژارِو
decision-missing-body = پَتھ گٔژھِتھ دَبٲوِو “منظوٗر کٔرِو”، “اِنتِخاب محفوظ کٔرِو” یا “نامنظوٗر کٔرِو”۔
decision-invalid-title = یہِ اِنتِخاب ہیٚکہِ نہٕ محفوظ کرنہٕ یِتھ
decision-invalid-body = ممکِن چھُ زِ صفحہٕ کھولنہٕ پَتہٕ آسہِ اِطلاع بَدلیمٕژ۔ پَتھ گٔژھِو، صفحہٕ کھولِو دوبارٕ تہٕ ژارِو بیٚیہِ۔
decision-failed-body = تُہُنٛد فیصلہٕ آو نہٕ محفوظ کرنہٕ۔ مہربٲنی کٔرِتھ کٔرِو دوبارٕ کوشِش۔

## The email that carries a consent link.

email-link-subject = { $org }: تُہٕنٛز رضامنٛدی ہٕنٛز درخواست
email-link-heading = { $org } چھُ تُہٕنٛز رضامنٛدی مَنٛگان
email-link-intro = { $org } چھُ “{ $collection }” باپتھ تُہٕنٛز رضامنٛدی مَنٛگان۔ پٔرِو زِ تِم کیا چھِ تُہٕنٛدِس ڈیٹاہس سٕتۍ کَرُن یژھان، تہٕ کٔرِو پرتھ مقصدس متعلق الگ الگ فیصلہٕ۔
email-link-button = پٔرِو تہٕ فیصلہٕ کٔرِو
email-link-expiry = یہِ لِنٛک چھُ { $date } تام کٲم کَران۔ توٚہہِ ہیٚکِو پَتہٕ یَتھی لِنٛکہٕ ذٔریعہٕ پنُن فیصلہٕ بَدلٲوِتھ یا رضامنٛدی واپس ہیٚتھ۔
