## This language's own name, as the language switcher shows it.

language-name = मराठी

## The hosted consent page.

page-language = भाषा
page-asks-consent = { $org } आपली संमती मागत आहे
page-notice = सूचना
page-purposes = आपला डेटा कशासाठी वापरला जाईल
page-purposes-hint = ज्या उद्देशांना आपली संमती आहे त्यांवर खूण करा आणि नंतर आपल्या निवडी जतन करा. किंवा सर्व उद्देश स्वीकारा किंवा नाकारा.
page-required = आवश्यक
page-data-used = वापरला जाणारा डेटा: { $categories }
page-approve = स्वीकारा
page-decline = नाकारा
page-save = निवडी जतन करा
page-withdraw = संमती मागे घ्या
page-receipt-title = आपला निर्णय नोंदवला गेला आहे
page-receipt-summary =
    { $action ->
        [approved] आपण { $date } रोजी सर्व उद्देश स्वीकारले.
        [declined] आपण { $date } रोजी सर्व उद्देश नाकारले.
        [withdrawn] आपण { $date } रोजी आपली संमती मागे घेतली.
       *[partial] आपण { $date } रोजी काही उद्देश स्वीकारले.
    }
page-granted = परवानगी आहे
page-not-granted = परवानगी नाही
page-reference = संदर्भ: { $reference }
page-change-hint = आपण याच लिंकद्वारे कधीही आपला निर्णय बदलू शकता किंवा संमती मागे घेऊ शकता.
page-receipt-download = स्वाक्षरी केलेली पावती डाउनलोड करा
page-export = आपल्या संमतीबद्दल नोंदवलेले सर्व काही डाउनलोड करा
page-valid-until = ही लिंक { $date } पर्यंत वैध आहे.
page-expired-title = या लिंकची मुदत संपली आहे
page-expired-body = संमती लिंक मर्यादित काळासाठीच वैध असतात. ज्या संस्थेने ही लिंक पाठवली, तिच्याकडे नवीन लिंक मागा.
page-replaced-title = ही लिंक बदलण्यात आली आहे
page-replaced-body = या विनंतीसाठी नवीन लिंक पाठवण्यात आली आहे. कृपया आपल्याला मिळालेला सर्वात अलीकडील संदेश वापरा.
page-unknown-title = लिंक सापडली नाही
page-unknown-body = ही संमती लिंक अस्तित्वात नाही. आपण संपूर्ण लिंक उघडली आहे का, ते तपासा.
page-error-title = काहीतरी चुकले
page-error-body = कृपया थोड्या वेळाने पुन्हा प्रयत्न करा.

## Shown inside the hosted page, above its form, when a decision could not be saved.

decision-too-many-body =
    { $minutes ->
        [one] या लिंकवरून कमी वेळात बरेच निर्णय घेतले गेले आहेत. आपली शेवटची निवड जतन झाली नाही; { $minutes } मिनिटानंतर पुन्हा प्रयत्न करा.
       *[other] या लिंकवरून कमी वेळात बरेच निर्णय घेतले गेले आहेत. आपली शेवटची निवड जतन झाली नाही; { $minutes } मिनिटांनंतर पुन्हा प्रयत्न करा.
    }
decision-missing = एक पर्याय निवडा: “स्वीकारा”, “निवडी जतन करा” किंवा “नाकारा”.
decision-invalid = ही निवड जतन करता येत नाही: हे पान उघडल्यानंतर सूचना बदलली आहे. पान पुन्हा लोड करा आणि पुन्हा निवडा.
decision-unreadable = आपली निवड पोहोचली नाही. कृपया पुन्हा प्रयत्न करा.
decision-failed-body = आपला निर्णय जतन झाला नाही. कृपया पुन्हा प्रयत्न करा.

## The email that carries a consent link.

email-link-subject = { $org }: आपल्या संमतीची विनंती
email-link-heading = { $org } आपली संमती मागत आहे
email-link-intro = { $org } “{ $collection }” साठी आपली संमती मागत आहे. ते आपल्या डेटाचे काय करू इच्छितात ते वाचा आणि प्रत्येक उद्देशासाठी स्वतंत्रपणे निर्णय घ्या.
email-link-button = वाचा आणि निर्णय घ्या
email-link-expiry = ही लिंक { $date } पर्यंत वैध आहे. आपण नंतर याच लिंकद्वारे आपला निर्णय बदलू शकता किंवा संमती मागे घेऊ शकता.
