## This language's own name, as the language switcher shows it.

language-name = हिन्दी

## The hosted consent page.

page-language = भाषा
page-asks-consent = { $org } आपकी सहमति माँगता है
page-notice = सूचना
page-purposes = आपके डेटा का उपयोग किसलिए होगा
page-purposes-hint = जिन उद्देश्यों से आप सहमत हैं उन्हें चुनें और अपनी पसंद सहेजें। या सभी को स्वीकार या अस्वीकार करें।
page-required = आवश्यक
page-data-used = उपयोग होने वाला डेटा: { $categories }
page-approve = स्वीकार करें
page-decline = अस्वीकार करें
page-save = पसंद सहेजें
page-withdraw = सहमति वापस लें
page-receipt-title = आपका निर्णय दर्ज हो गया है
page-receipt-summary =
    { $action ->
        [approved] आपने { $date } को सभी उद्देश्यों को स्वीकार किया।
        [declined] आपने { $date } को सभी उद्देश्यों को अस्वीकार किया।
        [withdrawn] आपने { $date } को अपनी सहमति वापस ली।
       *[partial] आपने { $date } को कुछ उद्देश्यों को स्वीकार किया।
    }
page-granted = अनुमति है
page-not-granted = अनुमति नहीं है
page-reference = संदर्भ: { $reference }
page-change-hint = आप इसी लिंक से कभी भी अपना निर्णय बदल सकते हैं या सहमति वापस ले सकते हैं।
page-receipt-download = हस्ताक्षरित रसीद डाउनलोड करें
page-export = अपनी सहमति के बारे में दर्ज सब कुछ डाउनलोड करें
page-valid-until = यह लिंक { $date } तक मान्य है।
page-expired-title = इस लिंक की समय-सीमा समाप्त हो गई है
page-expired-body = सहमति लिंक सीमित समय के लिए मान्य होते हैं। जिस संगठन ने इसे भेजा है उससे नया लिंक माँगें।
page-replaced-title = यह लिंक बदल दिया गया है
page-replaced-body = इस अनुरोध के लिए एक नया लिंक भेजा गया है। कृपया सबसे हाल का संदेश उपयोग करें।
page-unknown-title = लिंक नहीं मिला
page-unknown-body = यह सहमति लिंक मौजूद नहीं है। जाँचें कि आपने पूरा लिंक खोला है।
page-error-title = कुछ गड़बड़ हो गई
page-error-body = कृपया थोड़ी देर बाद फिर से प्रयास करें।

## Shown inside the hosted page, above its form, when a decision could not be saved.

decision-too-many-body =
    { $minutes ->
        [one] इस लिंक से कम समय में बहुत से निर्णय लिए गए हैं। आपकी पिछली पसंद सहेजी नहीं गई; { $minutes } मिनट बाद फिर से प्रयास करें।
       *[other] इस लिंक से कम समय में बहुत से निर्णय लिए गए हैं। आपकी पिछली पसंद सहेजी नहीं गई; { $minutes } मिनट बाद फिर से प्रयास करें।
    }
decision-missing = कोई विकल्प चुनें: स्वीकार करें, पसंद सहेजें या अस्वीकार करें।
decision-invalid = यह पसंद सहेजी नहीं जा सकती: यह पेज खुलने के बाद सूचना बदल गई है। पेज फिर से लोड करें और दोबारा चुनें।
decision-unreadable = आपकी पसंद हम तक नहीं पहुँची। कृपया फिर से प्रयास करें।
decision-failed-body = आपका निर्णय सहेजा नहीं गया। कृपया फिर से प्रयास करें।

## The email that carries a consent link.

email-link-subject = { $org }: आपकी सहमति का अनुरोध
email-link-heading = { $org } आपकी सहमति माँगता है
email-link-intro = { $org } “{ $collection }” के लिए आपकी सहमति माँगता है। पढ़ें कि वे आपके डेटा के साथ क्या करना चाहते हैं, और हर उद्देश्य के लिए अलग से निर्णय लें।
email-link-button = पढ़ें और निर्णय लें
email-link-expiry = यह लिंक { $date } तक मान्य है। आप बाद में इसी लिंक से अपना निर्णय बदल सकते हैं या सहमति वापस ले सकते हैं।
