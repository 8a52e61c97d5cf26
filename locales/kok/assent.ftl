## This language's own name, as the language switcher shows it.

language-name = कोंकणी

## The hosted consent page.

page-language = भास
page-asks-consent = { $org } तुमची संमती मागता
page-notice = सुचोवणी
page-purposes = तुमचो डेटा कसल्या हेतूंखातीर वापरतले
page-purposes-hint = तुमी मान्य करतात त्या हेतूंचेर खूण करात, उपरांत तुमची निवड सांबाळात. वा सगळे हेतू मान्य करात वा न्हयकारात.
page-required = गरजेचें
page-data-used = वापरांत येवपी डेटा: { $categories }
page-approve = मान्य करात
page-decline = न्हयकारात
page-save = निवड सांबाळात
page-withdraw = संमती फाटीं घेयात
page-receipt-title = तुमचो निर्णय नोंद जाला
page-receipt-summary =
    { $action ->
        [approved] तुमी { $date } रोजीं सगळे हेतू मान्य केले.
        [declined] तुमी { $date } रोजीं सगळे हेतू न्हयकारले.
        [withdrawn] तुमी { $date } रोजीं तुमची संमती फाटीं घेतली.
       *[partial] तुमी { $date } रोजीं कांय हेतू मान्य केले.
    }
page-granted = परवानगी आसा
page-not-granted = परवानगी ना
page-reference = संदर्भ: { $reference }
page-change-hint = हीच लिंक वापरून तुमी खंयच्याय वेळार तुमचो निर्णय बदलूंक वा फाटीं घेवंक शकतात.
page-receipt-download = सय केल्ली पावती डाउनलोड करात
page-export = तुमच्या संमतीविशीं नोंद केल्लें सगळें डाउनलोड करात
page-valid-until = ही लिंक { $date } मेरेन चलतली.
page-expired-title = ह्या लिंकेची मुदत सोंपल्या
page-expired-body = संमतीची लिंक मर्यादीत वेळा खातीरूच चलता. ही लिंक धाडिल्ल्या संस्थेकडेन नवी लिंक मागात.
page-replaced-title = ही लिंक बदलल्या
page-replaced-body = ह्या विनंतीखातीर नवी लिंक धाडल्या. उपकार करून तुमकां आयिल्लो सगळ्यांत नवो संदेश वापरात.
page-unknown-title = लिंक मेळ्ळी ना
page-unknown-body = ही संमती लिंक अस्तित्वांत ना. तुमी पुराय लिंक उगडल्या काय ते तपासात.
page-error-title = कांयतरी चुकलें
page-error-body = उपकार करून थोड्या वेळान परत यत्न करात.

## Shown inside the hosted page, above its form, when a decision could not be saved.

decision-too-many-body =
    { $minutes ->
        [one] ह्या लिंकेवरवीं थोड्या वेळांत जायते निर्णय घेतल्यात. तुमची निमाणी निवड सांबाळूंक जमली ना; { $minutes } मिनटा उपरांत परत यत्न करात.
       *[other] ह्या लिंकेवरवीं थोड्या वेळांत जायते निर्णय घेतल्यात. तुमची निमाणी निवड सांबाळूंक जमली ना; { $minutes } मिनटां उपरांत परत यत्न करात.
    }
decision-missing = एक पर्याय वेंचात: “मान्य करात”, “निवड सांबाळात” वा “न्हयकारात”.
decision-invalid = ही निवड सांबाळूंक जायना: हें पान उगडल्या उपरांत सुचोवणी बदल्ल्या. पान परत लोड करात आनी परत वेंचात.
decision-unreadable = तुमची निवड आमकां पावली ना. उपकार करून परत यत्न करात.
decision-failed-body = तुमचो निर्णय सांबाळूंक जमलो ना. उपकार करून परत यत्न करात.

## The email that carries a consent link.

email-link-subject = { $org }: तुमच्या संमतीची विनंती
email-link-heading = { $org } तुमची संमती मागता
email-link-intro = { $org } “{ $collection }” खातीर तुमची संमती मागता. तांकां तुमच्या डेटाचें कितें करपाचें आसा तें वाचात आनी दर एका हेतूखातीर वेगळो निर्णय घेयात.
email-link-button = वाचात आनी निर्णय घेयात
email-link-expiry = ही लिंक { $date } मेरेन चलतली. उपरांत हीच लिंक वापरून तुमी तुमचो निर्णय बदलूंक वा फाटीं घेवंक शकतात.
