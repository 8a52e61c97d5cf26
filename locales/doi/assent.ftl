## This language's own name, as the language switcher shows it.

language-name = डोगरी

## The hosted consent page.

page-language = भाशा
page-asks-consent = { $org } थुआढ़ी सहमति मंगदा ऐ
page-notice = सूचना
page-purposes = थुआढ़ा डेटा केह्दे आस्तै बरतेआ जाग
page-purposes-hint = जिनें मकसदें कन्नै तुस सहमत ओ, उंदे पर निशान लाओ, फ्ही अपनी पसंद संभालो। जां सारे मकसद मंजूर जां नामंजूर करो।
page-required = जरूरी
page-data-used = बरतेआ जाने आह्ला डेटा: { $categories }
page-approve = मंजूर करो
page-decline = नामंजूर करो
page-save = पसंद संभालो
page-withdraw = सहमति वापस लैओ
page-receipt-title = थुआढ़ा फैसला दर्ज होई गेआ ऐ
page-receipt-summary =
    { $action ->
        [approved] तुसें { $date } गी सारे मकसद मंजूर कीते।
        [declined] तुसें { $date } गी सारे मकसद नामंजूर कीते।
        [withdrawn] तुसें { $date } गी अपनी सहमति वापस लेई।
       *[partial] तुसें { $date } गी किश मकसद मंजूर कीते।
    }
page-granted = इजाजत ऐ
page-not-granted = इजाजत नेईं ऐ
page-reference = संदर्भ: { $reference }
page-change-hint = तुस इसै लिंक राहें कदें बी अपना फैसला बदली सकदे ओ जां वापस लेई सकदे ओ।
page-receipt-download = दस्तखत आह्ली रसीद डाउनलोड करो
page-export = थुआढ़ी सहमति बारै दर्ज सब किश डाउनलोड करो
page-valid-until = एह् लिंक { $date } तगर कम्म करग।
page-expired-title = इस लिंक दी मियाद मुक्की गेई ऐ
page-expired-body = सहमति दे लिंक थोह्ड़े समें आस्तै गै कम्म करदे न। इसगी घल्लने आह्ली संस्था थमां नमां लिंक मंगो।
page-replaced-title = एह् लिंक बदली दित्ता गेआ ऐ
page-replaced-body = इस बेनती आस्तै इक नमां लिंक घल्लेआ गेआ ऐ। किरपा करियै तुसें गी मिले दा सब्भनें शा नमां सनेहा बरतो।
page-unknown-title = लिंक नेईं लब्भा
page-unknown-body = एह् सहमति लिंक मौजूद नेईं ऐ। जांची लैओ जे तुसें पूरा लिंक खोह्लेआ ऐ।
page-error-title = किश गलत होई गेआ
page-error-body = किरपा करियै थोह्ड़ी देर बाद फ्ही कोशश करो।

## Shown inside the hosted page, above its form, when a decision could not be saved.

decision-too-many-body =
    { $minutes ->
        [one] इस लिंक कन्नै थोह्ड़े समें च बड़े मते फैसले कीते गेदे न। थुआढ़ी पिछली पसंद संभाली नेईं गेई; { $minutes } मिनट बाद फ्ही कोशश करो।
       *[other] इस लिंक कन्नै थोह्ड़े समें च बड़े मते फैसले कीते गेदे न। थुआढ़ी पिछली पसंद संभाली नेईं गेई; { $minutes } मिनटें बाद फ्ही कोशश करो।
    }
decision-missing = कोई विकल्प चुनो: “मंजूर करो”, “पसंद संभालो” जां “नामंजूर करो”।
decision-invalid = एह् पसंद संभाली नेईं जाई सकदी: एह् सफा खोह्लने दे बाद सूचना बदली गेई ऐ। सफा परतियै लोड करो ते फ्ही चुनो।
decision-unreadable = थुआढ़ी पसंद असें तगर नेईं पुज्जी। किरपा करियै फ्ही कोशश करो।
decision-failed-body = थुआढ़ा फैसला संभालेआ नेईं गेआ। किरपा करियै फ्ही कोशश करो।

## The email that carries a consent link.

email-link-subject = { $org }: थुआढ़ी सहमति दी बेनती
email-link-heading = { $org } थुआढ़ी सहमति मंगदा ऐ
email-link-intro = { $org } “{ $collection }” आस्तै थुआढ़ी सहमति मंगदा ऐ। पढ़ो जे ओह् थुआढ़े डेटा कन्नै केह् करना चांह्दे न, ते हर मकसद आस्तै बक्ख-बक्ख फैसला करो।
email-link-button = पढ़ो ते फैसला करो
email-link-expiry = एह् लिंक { $date } तगर कम्म करग। तुस बाद च इसै लिंक राहें अपना फैसला बदली सकदे ओ जां वापस लेई सकदे ओ।
