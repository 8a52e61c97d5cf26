## This language's own name, as the language switcher shows it.

language-name = العربية

## The hosted consent page.

page-language = اللغة
page-asks-consent = تطلب { $org } موافقتك
page-notice = الإشعار
page-purposes = الأغراض التي ستُستخدم بياناتك من أجلها
page-purposes-hint = حدِّد الأغراض التي توافق عليها، ثم احفظ اختياراتك. أو يمكنك الموافقة عليها كلها أو رفضها كلها.
page-required = إلزامي
page-data-used = البيانات المستخدمة: { $categories }
page-approve = موافقة
page-decline = رفض
page-save = حفظ الاختيارات
page-withdraw = سحب الموافقة
page-receipt-title = تم تسجيل قرارك
page-receipt-summary =
    { $action ->
        [approved] وافقت على جميع الأغراض في { $date }.
        [declined] رفضت جميع الأغراض في { $date }.
        [withdrawn] سحبت موافقتك في { $date }.
       *[partial] وافقت على بعض الأغراض في { $date }.
    }
page-granted = مسموح
page-not-granted = غير مسموح
page-reference = المرجع: { $reference }
page-change-hint = يمكنك تغيير قرارك أو سحبه في أي وقت من خلال هذا الرابط نفسه.
page-receipt-download = تنزيل الإيصال الموقّع
page-export = تنزيل كل ما سُجّل بشأن موافقتك
page-valid-until = يعمل هذا الرابط حتى { $date }.
page-expired-title = انتهت صلاحية هذا الرابط
page-expired-body = تعمل روابط الموافقة لمدة محدودة. يُرجى طلب رابط جديد من الجهة التي أرسلته.
page-replaced-title = تم استبدال هذا الرابط
page-replaced-body = أُرسل رابط أحدث لهذا الطلب. يُرجى استخدام آخر رسالة وصلتك.
page-unknown-title = الرابط غير موجود
page-unknown-body = رابط الموافقة هذا غير موجود. يُرجى التأكد من أنك فتحت الرابط كاملًا.
page-error-title = حدث خطأ ما
page-error-body = يُرجى المحاولة مرة أخرى بعد قليل.

## Shown inside the hosted page, above its form, when a decision could not be saved.

decision-too-many-body =
    { $minutes ->
        [zero] اتُّخذت قرارات كثيرة عبر هذا الرابط في وقت قصير. لم يُحفظ اختيارك الأخير؛ يُرجى المحاولة مرة أخرى بعد { $minutes } دقيقة.
        [one] اتُّخذت قرارات كثيرة عبر هذا الرابط في وقت قصير. لم يُحفظ اختيارك الأخير؛ يُرجى المحاولة مرة أخرى بعد دقيقة واحدة.
        [two] اتُّخذت قرارات كثيرة عبر هذا الرابط في وقت قصير. لم يُحفظ اختيارك الأخير؛ يُرجى المحاولة مرة أخرى بعد دقيقتين.
        [few] اتُّخذت قرارات كثيرة عبر هذا الرابط في وقت قصير. لم يُحفظ اختيارك الأخير؛ يُرجى المحاولة مرة أخرى بعد { $minutes } دقائق.
        [many] اتُّخذت قرارات كثيرة عبر هذا الرابط في وقت قصير. لم يُحفظ اختيارك الأخير؛ يُرجى المحاولة مرة أخرى بعد { $minutes } دقيقةً.
       *[other] اتُّخذت قرارات كثيرة عبر هذا الرابط في وقت قصير. لم يُحفظ اختيارك الأخير؛ يُرجى المحاولة مرة أخرى بعد { $minutes } دقيقة.
    }
decision-missing = اختر أحد الخيارات: «موافقة» أو «حفظ الاختيارات» أو «رفض».
decision-invalid = لا يمكن حفظ هذا الاختيار: تغيّر الإشعار بعد فتح هذه الصفحة. يُرجى إعادة تحميل الصفحة ثم الاختيار من جديد.
decision-unreadable = لم يصل اختيارك. يُرجى المحاولة مرة أخرى.
decision-failed-body = لم يُحفظ قرارك. يُرجى المحاولة مرة أخرى.

## The email that carries a consent link.

email-link-subject = { $org }: طلب موافقتك
email-link-heading = تطلب { $org } موافقتك
email-link-intro = تطلب { $org } موافقتك على «{ $collection }». اقرأ ما تعتزم فعله ببياناتك، ثم قرِّر بشأن كل غرض على حدة.
email-link-button = راجِع وقرِّر
email-link-expiry = يعمل الرابط حتى { $date }. ويمكنك لاحقًا تغيير قرارك أو سحبه من خلال الرابط نفسه.
