-- app.is_valid_email() and app.is_valid_locale_tag(), which check constraints share.
begin;
select plan(28);

select volatility_is(
    'app', 'is_valid_email', array['text']::name[], 'immutable',
    'app.is_valid_email() is immutable, as check constraints require'
);
select volatility_is(
    'app', 'is_valid_locale_tag', array['text']::name[], 'immutable',
    'app.is_valid_locale_tag() is immutable, as check constraints require'
);

select ok(app.is_valid_email('ana@school.org'), 'a plain address is a valid e-mail');
select ok(
    app.is_valid_email('Jean.Dupont+maths@Lycee-Hugo.example.fr'),
    'dots, plus tags, hyphens, upper case and subdomains are valid in an e-mail'
);
select ok(app.is_valid_email('o''brien@school.ie'), 'an apostrophe is valid in an e-mail');
select ok(
    app.is_valid_email(repeat('a', 64) || '@school.org'),
    'a local part of 64 characters is valid in an e-mail'
);
select ok(
    not app.is_valid_email(repeat('a', 65) || '@school.org'),
    'a local part of 65 characters is an invalid e-mail'
);
select ok(
    not app.is_valid_email(
        'ana@' || repeat('a', 63) || '.' || repeat('b', 63) || '.' || repeat('c', 63) || '.'
        || repeat('d', 63) || '.org'
    ),
    'an e-mail longer than 254 bytes is invalid'
);
select ok(not app.is_valid_email('ana.school.org'), 'an e-mail without @ is invalid');
select ok(not app.is_valid_email('ana@@school.org'), 'an e-mail with two @ is invalid');
select ok(not app.is_valid_email('ana@school'), 'an e-mail with a one-label domain is invalid');
select ok(
    not app.is_valid_email('ana..b@school.org'),
    'an e-mail with two dots in a row is invalid'
);
select ok(not app.is_valid_email('.ana@school.org'), 'an e-mail starting with a dot is invalid');
select ok(
    not app.is_valid_email('ana@-school.org'),
    'a domain label starting with a hyphen is invalid'
);
select ok(not app.is_valid_email('ana@school.org.'), 'an e-mail ending with a dot is invalid');
select ok(not app.is_valid_email('ana b@school.org'), 'an e-mail with a space is invalid');
select ok(
    not app.is_valid_email('zoé@school.org'),
    'an internationalized (non-ASCII) e-mail is rejected by the pragmatic pattern'
);
select is(app.is_valid_email(null), null, 'app.is_valid_email(null) is null, so a check passes');

select ok(app.is_valid_locale_tag('en'), 'en is a valid locale tag');
select ok(app.is_valid_locale_tag('fr-FR'), 'fr-FR is a valid locale tag');
select ok(app.is_valid_locale_tag('zh-Hant-TW'), 'zh-Hant-TW is a valid locale tag');
select ok(app.is_valid_locale_tag('es-419'), 'es-419 is a valid locale tag');
select ok(app.is_valid_locale_tag('gsw'), 'a 3-letter language is a valid locale tag');
select ok(not app.is_valid_locale_tag('EN'), 'an upper-case language is an invalid locale tag');
select ok(not app.is_valid_locale_tag('fr-fr'), 'a lower-case region is an invalid locale tag');
select ok(not app.is_valid_locale_tag('fr_FR'), 'an underscore is an invalid locale tag separator');
select ok(not app.is_valid_locale_tag('french'), 'a language name is an invalid locale tag');
select ok(
    not app.is_valid_locale_tag('de-CH-1901'),
    'a locale tag with a variant is outside the accepted subset'
);

select * from finish();
rollback;
