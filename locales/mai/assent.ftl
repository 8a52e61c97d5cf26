## This language's own name, as the language switcher shows it.

language-name = मैथिली

## The hosted consent page.

page-language = भाषा
page-asks-consent = { $org } अहाँक सहमति माँगि रहल अछि
page-notice = सूचना
page-purposes = अहाँक डेटाक उपयोग कथी लेल होएत
page-purposes-hint = जाहि उद्देश्य सभसँ अहाँ सहमत छी, ओकरा चिन्हित करू, तखन अपन पसंद सहेजू। अथवा सभकेँ स्वीकार वा अस्वीकार करू।
page-required = आवश्यक
page-data-used = उपयोग होबए बला डेटा: { $categories }
page-approve = स्वीकार करू
page-decline = अस्वीकार करू
page-save = पसंद सहेजू
page-withdraw = सहमति वापस लिअ
page-receipt-title = अहाँक निर्णय दर्ज भऽ गेल अछि
page-receipt-summary =
    { $action ->
        [approved] अहाँ { $date } केँ सभ उद्देश्य स्वीकार कएलहुँ।
        [declined] अहाँ { $date } केँ सभ उद्देश्य अस्वीकार कएलहुँ।
        [withdrawn] अहाँ { $date } केँ अपन सहमति वापस लेलहुँ।
       *[partial] अहाँ { $date } केँ किछु उद्देश्य स्वीकार कएलहुँ।
    }
page-granted = अनुमति अछि
page-not-granted = अनुमति नहि अछि
page-reference = संदर्भ: { $reference }
page-change-hint = अहाँ एही लिंकसँ कखनो अपन निर्णय बदलि सकैत छी वा सहमति वापस लऽ सकैत छी।
page-receipt-download = हस्ताक्षरित रसीद डाउनलोड करू
page-export = अहाँक सहमतिक विषयमे दर्ज सभ किछु डाउनलोड करू
page-valid-until = ई लिंक { $date } धरि मान्य अछि।
page-expired-title = एहि लिंकक समय-सीमा समाप्त भऽ गेल अछि
page-expired-body = सहमति लिंक सीमित समय धरि मान्य रहैत अछि। जे संस्था ई लिंक पठौलक, ओहिसँ नव लिंक माँगू।
page-replaced-title = ई लिंक बदलि देल गेल अछि
page-replaced-body = एहि अनुरोधक लेल एकटा नव लिंक पठाओल गेल अछि। कृपया अहाँकेँ भेटल सभसँ नव संदेशक उपयोग करू।
page-unknown-title = लिंक नहि भेटल
page-unknown-body = ई सहमति लिंक मौजूद नहि अछि। जाँचि लिअ जे अहाँ पूरा लिंक खोललहुँ अछि कि नहि।
page-error-title = किछु गड़बड़ भऽ गेल
page-error-body = कृपया किछु कालक बाद फेरसँ प्रयास करू।

## Shown inside the hosted page, above its form, when a decision could not be saved.

decision-too-many-body =
    { $minutes ->
        [one] एहि लिंकसँ कम समयमे बहुत रास निर्णय लेल गेल अछि। अहाँक पछिला पसंद सहेजल नहि गेल; { $minutes } मिनट बाद फेरसँ प्रयास करू।
       *[other] एहि लिंकसँ कम समयमे बहुत रास निर्णय लेल गेल अछि। अहाँक पछिला पसंद सहेजल नहि गेल; { $minutes } मिनट बाद फेरसँ प्रयास करू।
    }
decision-missing = कोनो विकल्प चुनू: “स्वीकार करू”, “पसंद सहेजू” वा “अस्वीकार करू”।
decision-invalid = ई पसंद सहेजल नहि जा सकैत अछि: ई पेज खुजलाक बाद सूचना बदलि गेल अछि। पेज फेरसँ लोड करू आ फेरसँ चुनू।
decision-unreadable = अहाँक पसंद हमरा सभ लग नहि पहुँचल। कृपया फेरसँ प्रयास करू।
decision-failed-body = अहाँक निर्णय सहेजल नहि गेल। कृपया फेरसँ प्रयास करू।

## The email that carries a consent link.

email-link-subject = { $org }: अहाँक सहमतिक अनुरोध
email-link-heading = { $org } अहाँक सहमति माँगि रहल अछि
email-link-intro = { $org } “{ $collection }” लेल अहाँक सहमति माँगि रहल अछि। पढ़ू जे ओ सभ अहाँक डेटाक संग की करए चाहैत छथि, आ प्रत्येक उद्देश्य लेल अलग-अलग निर्णय लिअ।
email-link-button = पढ़ू आ निर्णय लिअ
email-link-expiry = ई लिंक { $date } धरि मान्य अछि। बादमे एही लिंकसँ अहाँ अपन निर्णय बदलि सकैत छी वा सहमति वापस लऽ सकैत छी।
