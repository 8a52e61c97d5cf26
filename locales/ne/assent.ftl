## This language's own name, as the language switcher shows it.

language-name = नेपाली

## The hosted consent page.

page-language = भाषा
page-asks-consent = { $org } ले तपाईंको सहमति मागेको छ
page-notice = सूचना
page-purposes = तपाईंको डाटा केका लागि प्रयोग हुनेछ
page-purposes-hint = तपाईं सहमत भएका उद्देश्यहरूमा चिन्ह लगाउनुहोस्, त्यसपछि आफ्ना छनोटहरू सुरक्षित गर्नुहोस्। वा सबै उद्देश्यहरू स्वीकार वा अस्वीकार गर्नुहोस्।
page-required = अनिवार्य
page-data-used = प्रयोग हुने डाटा: { $categories }
page-approve = स्वीकार गर्नुहोस्
page-decline = अस्वीकार गर्नुहोस्
page-save = छनोट सुरक्षित गर्नुहोस्
page-withdraw = सहमति फिर्ता लिनुहोस्
page-receipt-title = तपाईंको निर्णय दर्ता भयो
page-receipt-summary =
    { $action ->
        [approved] तपाईंले { $date } मा सबै उद्देश्यहरू स्वीकार गर्नुभयो।
        [declined] तपाईंले { $date } मा सबै उद्देश्यहरू अस्वीकार गर्नुभयो।
        [withdrawn] तपाईंले { $date } मा आफ्नो सहमति फिर्ता लिनुभयो।
       *[partial] तपाईंले { $date } मा केही उद्देश्यहरू स्वीकार गर्नुभयो।
    }
page-granted = अनुमति छ
page-not-granted = अनुमति छैन
page-reference = सन्दर्भ: { $reference }
page-change-hint = तपाईं यही लिङ्कबाट जुनसुकै बेला आफ्नो निर्णय परिवर्तन गर्न वा सहमति फिर्ता लिन सक्नुहुन्छ।
page-receipt-download = हस्ताक्षर गरिएको रसिद डाउनलोड गर्नुहोस्
page-export = तपाईंको सहमतिबारे दर्ता गरिएको सबै कुरा डाउनलोड गर्नुहोस्
page-valid-until = यो लिङ्क { $date } सम्म मान्य छ।
page-expired-title = यो लिङ्कको म्याद सकियो
page-expired-body = सहमति लिङ्कहरू सीमित समयका लागि मात्र मान्य हुन्छन्। यो पठाउने संस्थासँग नयाँ लिङ्क माग्नुहोस्।
page-replaced-title = यो लिङ्क बदलिएको छ
page-replaced-body = यस अनुरोधका लागि नयाँ लिङ्क पठाइएको छ। कृपया तपाईंले पाउनुभएको सबैभन्दा पछिल्लो सन्देश प्रयोग गर्नुहोस्।
page-unknown-title = लिङ्क भेटिएन
page-unknown-body = यो सहमति लिङ्क अस्तित्वमा छैन। तपाईंले पूरा लिङ्क खोल्नुभएको छ कि छैन, जाँच गर्नुहोस्।
page-error-title = केही गडबड भयो
page-error-body = कृपया केही बेरपछि फेरि प्रयास गर्नुहोस्।

## Shown inside the hosted page, above its form, when a decision could not be saved.

decision-too-many-body =
    { $minutes ->
        [one] यो लिङ्कबाट छोटो समयमा धेरै निर्णयहरू गरिएका छन्। तपाईंको पछिल्लो छनोट सुरक्षित भएन; { $minutes } मिनेटपछि फेरि प्रयास गर्नुहोस्।
       *[other] यो लिङ्कबाट छोटो समयमा धेरै निर्णयहरू गरिएका छन्। तपाईंको पछिल्लो छनोट सुरक्षित भएन; { $minutes } मिनेटपछि फेरि प्रयास गर्नुहोस्।
    }
decision-missing = एउटा विकल्प छान्नुहोस्: “स्वीकार गर्नुहोस्”, “छनोट सुरक्षित गर्नुहोस्” वा “अस्वीकार गर्नुहोस्”।
decision-invalid = यो छनोट सुरक्षित गर्न सकिँदैन: यो पृष्ठ खोलेपछि सूचना परिवर्तन भएको छ। पृष्ठ फेरि लोड गर्नुहोस् र फेरि छान्नुहोस्।
decision-unreadable = तपाईंको छनोट आइपुगेन। कृपया फेरि प्रयास गर्नुहोस्।
decision-failed-body = तपाईंको निर्णय सुरक्षित भएन। कृपया फेरि प्रयास गर्नुहोस्।

## The email that carries a consent link.

email-link-subject = { $org }: तपाईंको सहमतिका लागि अनुरोध
email-link-heading = { $org } ले तपाईंको सहमति मागेको छ
email-link-intro = { $org } ले “{ $collection }” का लागि तपाईंको सहमति मागेको छ। उनीहरू तपाईंको डाटासँग के गर्न चाहन्छन् पढ्नुहोस्, र हरेक उद्देश्यका लागि छुट्टाछुट्टै निर्णय गर्नुहोस्।
email-link-button = पढ्नुहोस् र निर्णय गर्नुहोस्
email-link-expiry = यो लिङ्क { $date } सम्म मान्य छ। तपाईं पछि यही लिङ्कबाट आफ्नो निर्णय परिवर्तन गर्न वा सहमति फिर्ता लिन सक्नुहुन्छ।
