## This language's own name, as the language switcher shows it.

language-name = संस्कृतम्

## The hosted consent page.

page-language = भाषा
page-asks-consent = { $org } भवतः सम्मतिं प्रार्थयते
page-notice = सूचना
page-purposes = भवतः दत्तांशस्य उपयोगः किमर्थं भविष्यति
page-purposes-hint = येषु प्रयोजनेषु भवान् सम्मतः, तानि चिह्नयतु, ततः स्वविकल्पान् संरक्षतु। अथवा सर्वाणि प्रयोजनानि स्वीकरोतु निराकरोतु वा।
page-required = अनिवार्यम्
page-data-used = उपयुज्यमानः दत्तांशः: { $categories }
page-approve = स्वीकरोतु
page-decline = निराकरोतु
page-save = विकल्पान् संरक्षतु
page-withdraw = सम्मतिं प्रत्याहरतु
page-receipt-title = भवतः निर्णयः अभिलिखितः
page-receipt-summary =
    { $action ->
        [approved] भवता { $date } दिनाङ्के सर्वाणि प्रयोजनानि स्वीकृतानि।
        [declined] भवता { $date } दिनाङ्के सर्वाणि प्रयोजनानि निराकृतानि।
        [withdrawn] भवता { $date } दिनाङ्के स्वसम्मतिः प्रत्याहृता।
       *[partial] भवता { $date } दिनाङ्के कानिचित् प्रयोजनानि स्वीकृतानि।
    }
page-granted = अनुमतम्
page-not-granted = न अनुमतम्
page-reference = सन्दर्भः: { $reference }
page-change-hint = अनेनैव सम्पर्कतन्तुना भवान् कदापि स्वनिर्णयं परिवर्तयितुं सम्मतिं प्रत्याहर्तुं वा शक्नोति।
page-valid-until = अयं सम्पर्कतन्तुः { $date } पर्यन्तं मान्यः अस्ति।
page-expired-title = अस्य सम्पर्कतन्तोः अवधिः समाप्तः
page-expired-body = सम्मतिसम्पर्कतन्तवः सीमितकालपर्यन्तम् एव मान्याः भवन्ति। यया संस्थया अयं प्रेषितः, तां नूतनं सम्पर्कतन्तुं याचताम्।
page-replaced-title = अयं सम्पर्कतन्तुः प्रतिस्थापितः
page-replaced-body = अस्य अनुरोधस्य कृते नूतनः सम्पर्कतन्तुः प्रेषितः। कृपया भवता प्राप्तं नवीनतमं सन्देशम् उपयुङ्क्ताम्।
page-unknown-title = सम्पर्कतन्तुः न लब्धः
page-unknown-body = अयं सम्मतिसम्पर्कतन्तुः न विद्यते। भवता सम्पूर्णः सम्पर्कतन्तुः उद्घाटितः न वा इति परीक्षताम्।
page-error-title = कश्चित् दोषः जातः
page-error-body = कृपया किञ्चित्कालानन्तरं पुनः प्रयतताम्।

## Shown inside the hosted page, above its form, when a decision could not be saved.

decision-too-many-body =
    { $minutes ->
        [one] अनेन सम्पर्कतन्तुना अल्पे काले बहवः निर्णयाः कृताः। भवतः अन्तिमः विकल्पः न संरक्षितः; { $minutes } निमेषानन्तरं पुनः प्रयतताम्।
       *[other] अनेन सम्पर्कतन्तुना अल्पे काले बहवः निर्णयाः कृताः। भवतः अन्तिमः विकल्पः न संरक्षितः; { $minutes } निमेषानन्तरं पुनः प्रयतताम्।
    }
decision-missing = एकं विकल्पं चिनोतु: “स्वीकरोतु”, “विकल्पान् संरक्षतु” अथवा “निराकरोतु”।
decision-invalid = अयं विकल्पः संरक्षितुं न शक्यते: अस्य पृष्ठस्य उद्घाटनानन्तरं सूचना परिवर्तिता। पृष्ठं नवीकृत्य पुनः चिनोतु।
decision-unreadable = भवतः विकल्पः न प्राप्तः। कृपया पुनः प्रयतताम्।
decision-failed-body = भवतः निर्णयः न संरक्षितः। कृपया पुनः प्रयतताम्।

## The email that carries a consent link.

email-link-subject = { $org }: भवतः सम्मतिः प्रार्थ्यते
email-link-heading = { $org } भवतः सम्मतिं प्रार्थयते
email-link-intro = { $org } “{ $collection }” इत्यस्य कृते भवतः सम्मतिं प्रार्थयते। ते भवतः दत्तांशेन किं कर्तुम् इच्छन्ति इति पठित्वा प्रत्येकस्य प्रयोजनस्य विषये पृथक् निश्चिनोतु।
email-link-button = पठित्वा निश्चिनोतु
email-link-expiry = अयं सम्पर्कतन्तुः { $date } पर्यन्तं मान्यः अस्ति। अनेनैव सम्पर्कतन्तुना भवान् पश्चात् स्वनिर्णयं परिवर्तयितुं सम्मतिं प्रत्याहर्तुं वा शक्नोति।
