## This language's own name, as the language switcher shows it.

language-name = سنڌي

## The hosted consent page.

page-language = ٻولي
page-asks-consent = { $org } توهان جي رضامندي گهري ٿو
page-notice = اطلاع
page-purposes = توهان جو ڊيٽا ڪهڙن مقصدن لاءِ استعمال ٿيندو
page-purposes-hint = جن مقصدن سان توهان متفق آهيو، انهن کي چونڊيو ۽ پنهنجي چونڊ محفوظ ڪريو. يا سڀني کي هڪ ئي وقت منظور يا رد ڪريو.
page-required = لازمي
page-data-used = استعمال ٿيندڙ ڊيٽا: { $categories }
page-approve = منظور ڪريو
page-decline = رد ڪريو
page-save = چونڊ محفوظ ڪريو
page-withdraw = رضامندي واپس وٺو
page-receipt-title = توهان جو فيصلو درج ٿي ويو آهي
page-receipt-summary =
    { $action ->
        [approved] توهان { $date } تي سڀ مقصد منظور ڪيا.
        [declined] توهان { $date } تي سڀ مقصد رد ڪيا.
        [withdrawn] توهان { $date } تي پنهنجي رضامندي واپس ورتي.
       *[partial] توهان { $date } تي ڪجهه مقصد منظور ڪيا.
    }
page-granted = اجازت آهي
page-not-granted = اجازت ناهي
page-reference = حوالو: { $reference }
page-change-hint = توهان هن ئي لنڪ ذريعي ڪنهن به وقت پنهنجو فيصلو بدلائي سگهو ٿا يا رضامندي واپس وٺي سگهو ٿا.
page-receipt-download = دستخط ٿيل رسيد ڊائون لوڊ ڪريو
page-export = توهان جي رضامندي بابت درج ٿيل سڀ ڪجهه ڊائون لوڊ ڪريو
page-valid-until = هي لنڪ { $date } تائين ڪم ڪندو.
page-expired-title = هن لنڪ جي مدت ختم ٿي وئي آهي
page-expired-body = رضامندي جا لنڪ محدود وقت لاءِ ڪم ڪندا آهن. جنهن اداري هي لنڪ موڪليو آهي، ان کان نئون لنڪ گهرو.
page-replaced-title = هي لنڪ مٽايو ويو آهي
page-replaced-body = هن درخواست لاءِ هڪ نئون لنڪ موڪليو ويو آهي. مهرباني ڪري توهان کي مليل سڀ کان تازو پيغام استعمال ڪريو.
page-unknown-title = لنڪ نه مليو
page-unknown-body = رضامندي جو هي لنڪ موجود ناهي. جانچيو ته توهان پورو لنڪ کوليو آهي.
page-error-title = ڪجهه غلط ٿي ويو
page-error-body = مهرباني ڪري ٿوري دير کان پوءِ ٻيهر ڪوشش ڪريو.

## Shown inside the hosted page, above its form, when a decision could not be saved.

decision-too-many-body =
    { $minutes ->
        [one] هن لنڪ ذريعي ٿوري وقت ۾ گهڻا فيصلا ڪيا ويا آهن. توهان جي آخري چونڊ محفوظ نه ٿي؛ { $minutes } منٽ کان پوءِ ٻيهر ڪوشش ڪريو.
       *[other] هن لنڪ ذريعي ٿوري وقت ۾ گهڻا فيصلا ڪيا ويا آهن. توهان جي آخري چونڊ محفوظ نه ٿي؛ { $minutes } منٽن کان پوءِ ٻيهر ڪوشش ڪريو.
    }
decision-missing = ڪو هڪ اختيار چونڊيو: “منظور ڪريو”، “چونڊ محفوظ ڪريو” يا “رد ڪريو”.
decision-invalid = هي چونڊ محفوظ نٿي ٿي سگهي: هي صفحو کلڻ کان پوءِ اطلاع بدلجي ويو آهي. صفحو ٻيهر لوڊ ڪريو ۽ وري چونڊيو.
decision-unreadable = توهان جي چونڊ اسان تائين نه پهتي. مهرباني ڪري ٻيهر ڪوشش ڪريو.
decision-failed-body = توهان جو فيصلو محفوظ نه ٿيو. مهرباني ڪري ٻيهر ڪوشش ڪريو.

## The email that carries a consent link.

email-link-subject = { $org }: توهان جي رضامندي گهربل آهي
email-link-heading = { $org } توهان جي رضامندي گهري ٿو
email-link-intro = { $org } “{ $collection }” لاءِ توهان جي رضامندي گهري ٿو. پڙهو ته اهي توهان جي ڊيٽا سان ڇا ڪرڻ چاهين ٿا، ۽ هر مقصد لاءِ الڳ الڳ فيصلو ڪريو.
email-link-button = پڙهو ۽ فيصلو ڪريو
email-link-expiry = هي لنڪ { $date } تائين ڪم ڪندو. توهان بعد ۾ هن ئي لنڪ ذريعي پنهنجو فيصلو بدلائي سگهو ٿا يا رضامندي واپس وٺي سگهو ٿا.
