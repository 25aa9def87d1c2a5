"""Load the demo data set: two schools with people, classes, lessons, videos and questions.

`load_demo(connection, scale=1, seed=42)` inserts everything in one transaction and returns the
number of rows it inserted per table. The same seed and scale give the same names, ids and
content (timestamps set by column defaults, such as created_at, still come from the server clock).

The tables force row-level security, so the loader needs a role that reads and writes every row.
A superuser bypasses row-level security (the local cluster's postgres login is one). A member of
ilp_owner also works: the loader then runs as ilp_owner, whose all_table_owner policies show
every row. A database that already contains the demo schools is rejected (DemoDataExists) rather
than given a second copy, so load the demo into a freshly migrated database.

Rows go through the same triggers as the backend's writes: prompts and answer keys are
validated, version numbers assigned, and every review step is an insert into
content.question_transitions.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime
import hashlib
import json
import logging
import random
import unicodedata
import uuid
from collections.abc import Sequence

import psycopg
from psycopg.types.json import Jsonb

from runner.errors import IlpError

log = logging.getLogger(__name__)

# Explicit timestamps count from this instant, so that the same seed gives the same rows.
BASE_TIME = datetime.datetime(2026, 1, 5, 8, 0, tzinfo=datetime.timezone.utc)
BUCKET = "ilp-demo-media"
MODEL = "gemini-1.5-pro-002"
PROMPT_TEMPLATE = "milestone-questions"
PROMPT_TEMPLATE_VERSION = "3"

# Per school and per unit of scale.
TEACHERS_PER_SCALE = 3
CLASSES_PER_SCALE = 2
STUDENTS_PER_CLASS = 12
LESSONS_PER_SCALE = 5
GROUPS_PER_LESSON = 2
VIDEOS_PER_GROUP = 2

QUESTION_TYPES = (
    "single_choice",
    "multiple_choice",
    "true_false",
    "fill_in_blanks",
    "numeric",
    "ordering",
    "matching",
    "hotspot",
    "free_text",
    "poll",
)
# Generated questions cycle through every review state.
GENERATED_STATES = ("draft", "in_review", "approved", "rejected", "retired")
FAILURE_REASON = "Unsupported codec: the source uses ProRes RAW."


class DemoDataExists(IlpError):
    """The database already contains the demo schools."""


@dataclasses.dataclass(frozen=True)
class Topic:
    """Teaching material for one lesson, from which questions of every type are built."""

    title: str
    description: str
    choice: tuple[str, tuple[str, ...], int]
    multiple: tuple[str, tuple[str, ...], tuple[int, ...]]
    statement: tuple[str, bool]
    blank: tuple[str, tuple[str, ...]]
    number: tuple[str, float, float, str]
    order: tuple[str, tuple[str, ...]]
    pairs: tuple[str, tuple[tuple[str, str], ...], str]
    hotspot: str
    essay: tuple[str, tuple[str, ...], str]
    poll: tuple[str, tuple[str, ...]]


@dataclasses.dataclass(frozen=True)
class School:
    """One demo tenant: its identity, language and the material its teachers use."""

    slug: str
    name: str
    locale: str
    timezone: str
    email_domain: str
    first_names: tuple[str, ...]
    last_names: tuple[str, ...]
    class_names: tuple[str, ...]
    class_code_prefix: str
    topics: tuple[Topic, ...]
    part_label: str


ENGLISH_TOPICS = (
    Topic(
        title="Photosynthesis",
        description="How plants turn light, water and carbon dioxide into sugar and oxygen.",
        choice=("Which gas do leaves take in?", ("Oxygen", "Carbon dioxide", "Nitrogen"), 1),
        multiple=("What does photosynthesis produce?", ("Glucose", "Oxygen", "Salt"), (0, 1)),
        statement=("Photosynthesis happens in the chloroplasts.", True),
        blank=("The green pigment in leaves is called {{b1}}.", ("chlorophyll",)),
        number=("How many carbon dioxide molecules make one glucose molecule?", 6, 0, "molecules"),
        order=("Put the steps in order.", ("Light is absorbed", "Water is split", "Sugar is made")),
        pairs=(
            "Match each input to its source.",
            (("Water", "Roots"), ("Carbon dioxide", "Stomata"), ("Light", "Sun")),
            "Flowers",
        ),
        hotspot="Click on a chloroplast in this leaf cell.",
        essay=(
            "Explain why plants need light.",
            ("Names light as the energy source", "Links energy to making glucose"),
            "Light provides the energy that drives the reactions that build glucose.",
        ),
        poll=("How confident do you feel about photosynthesis?", ("Confident", "Unsure")),
    ),
    Topic(
        title="Forces and motion",
        description="Newton's laws, friction and why objects speed up or slow down.",
        choice=("What is the unit of force?", ("Joule", "Newton", "Watt"), 1),
        multiple=("Which of these are forces?", ("Friction", "Gravity", "Speed"), (0, 1)),
        statement=("An object at rest stays at rest unless a force acts on it.", True),
        blank=("Force equals mass times {{b1}}.", ("acceleration",)),
        number=("What is the acceleration due to gravity on Earth?", 9.81, 0.05, "m/s²"),
        order=("Order from slowest to fastest.", ("Snail", "Cyclist", "Car")),
        pairs=(
            "Match each law to its idea.",
            (("First law", "Inertia"), ("Second law", "F = ma"), ("Third law", "Action and reaction")),
            "Energy",
        ),
        hotspot="Click where the friction force acts on the box.",
        essay=(
            "Describe what happens to a ball thrown upwards.",
            ("Mentions gravity slowing it down", "Mentions it falls back"),
            "Gravity slows the ball until it stops, then it accelerates back down.",
        ),
        poll=("Did the experiment help you understand?", ("Yes", "Not really")),
    ),
    Topic(
        title="The water cycle",
        description="Evaporation, condensation and precipitation around the planet.",
        choice=("What forms when water vapour cools?", ("Clouds", "Rivers", "Rocks"), 0),
        multiple=("Which are forms of precipitation?", ("Rain", "Snow", "Fog"), (0, 1)),
        statement=("The sun drives evaporation.", True),
        blank=("Water vapour turning into liquid is called {{b1}}.", ("condensation",)),
        number=("At what temperature does water boil at sea level?", 100, 0, "°C"),
        order=("Order the stages.", ("Evaporation", "Condensation", "Precipitation")),
        pairs=(
            "Match each stage to its place.",
            (("Evaporation", "Ocean"), ("Condensation", "Cloud"), ("Collection", "Lake")),
            "Desert",
        ),
        hotspot="Click where condensation happens in this picture.",
        essay=(
            "Why is the water cycle important for life?",
            ("Mentions fresh water supply", "Mentions plants or animals"),
            "It moves fresh water around the planet so plants and animals can live.",
        ),
        poll=("Which part was most interesting?", ("Clouds", "Rain")),
    ),
    Topic(
        title="Fractions",
        description="Adding, comparing and simplifying fractions.",
        choice=("Which fraction equals one half?", ("2/4", "2/3", "3/5"), 0),
        multiple=("Which fractions are larger than 1/2?", ("3/4", "2/3", "1/3"), (0, 1)),
        statement=("3/6 can be simplified to 1/2.", True),
        blank=("The bottom number of a fraction is the {{b1}}.", ("denominator",)),
        number=("What is 1/4 + 1/2 as a decimal?", 0.75, 0.001, ""),
        order=("Order from smallest to largest.", ("1/8", "1/4", "1/2")),
        pairs=(
            "Match each fraction to its decimal.",
            (("1/2", "0.5"), ("1/4", "0.25"), ("3/4", "0.75")),
            "0.2",
        ),
        hotspot="Click on the shaded part that shows three quarters.",
        essay=(
            "Explain how to add two fractions with different denominators.",
            ("Finds a common denominator", "Adds the numerators"),
            "Rewrite both with a common denominator, then add the numerators.",
        ),
        poll=("How do you prefer to practise?", ("Worksheets", "Games")),
    ),
)

FRENCH_TOPICS = (
    Topic(
        title="La cellule",
        description="Les organites de la cellule végétale et animale.",
        choice=("Où se trouve l'ADN ?", ("Dans le noyau", "Dans la paroi", "Dans la vacuole"), 0),
        multiple=(
            "Quels organites trouve-t-on dans une cellule végétale ?",
            ("Chloroplaste", "Paroi", "Os"),
            (0, 1),
        ),
        statement=("Les cellules animales ont une paroi.", False),
        blank=("L'unité de base du vivant est la {{b1}}.", ("cellule",)),
        number=("Combien de chromosomes compte une cellule humaine ?", 46, 0, "chromosomes"),
        order=("Classez du plus petit au plus grand.", ("Molécule", "Cellule", "Organe")),
        pairs=(
            "Associez chaque organite à son rôle.",
            (("Noyau", "Information génétique"), ("Mitochondrie", "Énergie"), ("Chloroplaste", "Photosynthèse")),
            "Digestion",
        ),
        hotspot="Cliquez sur le noyau de la cellule.",
        essay=(
            "Expliquez la différence entre cellule animale et cellule végétale.",
            ("Cite la paroi", "Cite les chloroplastes"),
            "La cellule végétale a une paroi et des chloroplastes, pas la cellule animale.",
        ),
        poll=("Cette vidéo vous a-t-elle aidé ?", ("Oui", "Non")),
    ),
    Topic(
        title="La Révolution française",
        description="De la prise de la Bastille à la Première République.",
        choice=("En quelle année a eu lieu la prise de la Bastille ?", ("1789", "1815", "1848"), 0),
        multiple=(
            "Quels textes datent de la Révolution ?",
            ("Déclaration des droits de l'homme", "Constitution de 1791", "Code civil de 1804"),
            (0, 1),
        ),
        statement=("Louis XVI a été exécuté en 1793.", True),
        blank=("La devise de la République est Liberté, Égalité, {{b1}}.", ("Fraternité",)),
        number=("En quelle année la Première République est-elle proclamée ?", 1792, 0, ""),
        order=(
            "Classez les événements.",
            ("Prise de la Bastille", "Fuite à Varennes", "Proclamation de la République"),
        ),
        pairs=(
            "Associez chaque personnage à son rôle.",
            (("Robespierre", "Comité de salut public"), ("Louis XVI", "Roi"), ("Danton", "Orateur")),
            "Empereur",
        ),
        hotspot="Cliquez sur la Bastille sur cette gravure.",
        essay=(
            "Pourquoi la prise de la Bastille est-elle un symbole ?",
            ("Cite la fin de l'absolutisme", "Cite la colère du peuple"),
            "Elle marque la révolte du peuple contre le pouvoir absolu du roi.",
        ),
        poll=("Quelle période préférez-vous étudier ?", ("Révolution", "Empire")),
    ),
    Topic(
        title="Les volcans",
        description="Magma, éruptions et tectonique des plaques.",
        choice=("Comment appelle-t-on la roche en fusion sous la surface ?", ("Magma", "Granite", "Sable"), 0),
        multiple=("Que peut rejeter un volcan ?", ("Lave", "Cendres", "Neige"), (0, 1)),
        statement=("Tous les volcans sont en activité.", False),
        blank=("Le magma qui sort du volcan s'appelle la {{b1}}.", ("lave",)),
        number=("Quelle est la température approximative d'une lave basaltique ?", 1150, 100, "°C"),
        order=("Classez les étapes d'une éruption.", ("Montée du magma", "Explosion", "Coulée de lave")),
        pairs=(
            "Associez chaque volcan à son pays.",
            (("Etna", "Italie"), ("Piton de la Fournaise", "France"), ("Fuji", "Japon")),
            "Brésil",
        ),
        hotspot="Cliquez sur la chambre magmatique.",
        essay=(
            "Expliquez pourquoi les volcans se trouvent souvent en bordure de plaques.",
            ("Cite les plaques tectoniques", "Cite la remontée du magma"),
            "Aux frontières des plaques, le magma remonte plus facilement vers la surface.",
        ),
        poll=("Avez-vous déjà vu un volcan ?", ("Oui", "Non")),
    ),
    Topic(
        title="Les fractions",
        description="Comparer, simplifier et additionner des fractions.",
        choice=("Quelle fraction est égale à un demi ?", ("2/4", "2/3", "3/5"), 0),
        multiple=("Quelles fractions sont plus grandes que 1/2 ?", ("3/4", "2/3", "1/3"), (0, 1)),
        statement=("4/8 se simplifie en 1/2.", True),
        blank=("Le nombre du bas d'une fraction est le {{b1}}.", ("dénominateur",)),
        number=("Combien vaut 1/4 + 1/2 en écriture décimale ?", 0.75, 0.001, ""),
        order=("Classez du plus petit au plus grand.", ("1/8", "1/4", "1/2")),
        pairs=(
            "Associez chaque fraction à son écriture décimale.",
            (("1/2", "0,5"), ("1/4", "0,25"), ("3/4", "0,75")),
            "0,2",
        ),
        hotspot="Cliquez sur la partie qui représente trois quarts.",
        essay=(
            "Expliquez comment additionner deux fractions de dénominateurs différents.",
            ("Trouve un dénominateur commun", "Additionne les numérateurs"),
            "On met les fractions au même dénominateur puis on additionne les numérateurs.",
        ),
        poll=("Comment préférez-vous vous entraîner ?", ("Exercices", "Jeux")),
    ),
)

SCHOOLS = (
    School(
        slug="demo-northfield",
        name="Northfield Academy",
        locale="en-GB",
        timezone="Europe/London",
        email_domain="northfield.example.org",
        first_names=(
            "Amara", "Oliver", "Priya", "Liam", "Sofia", "Noah", "Aisha", "Ethan", "Mei", "Jacob",
            "Fatima", "Harry", "Chloe", "Kwame", "Isla", "Mateo", "Zara", "Samuel", "Hana", "Leo",
        ),
        last_names=(
            "Okafor", "Smith", "Patel", "Jones", "Nguyen", "Williams", "Khan", "Brown", "Chen",
            "Taylor", "Hussain", "Evans", "Kowalski", "Murphy", "Mensah", "Garcia", "Walker",
        ),
        class_names=("Year 8 Science", "Year 8 Maths", "Year 9 Science", "Year 9 Maths"),
        class_code_prefix="NFA",
        topics=ENGLISH_TOPICS,
        part_label="Part",
    ),
    School(
        slug="demo-lycee-belleville",
        name="Lycée Belleville",
        locale="fr-FR",
        timezone="Europe/Paris",
        email_domain="belleville.example.org",
        first_names=(
            "Léa", "Hugo", "Chloé", "Louis", "Inès", "Gabriel", "Manon", "Yanis", "Camille",
            "Nathan", "Sarah", "Adam", "Jade", "Mohamed", "Louise", "Théo", "Amina", "Lucas",
        ),
        last_names=(
            "Martin", "Bernard", "Dubois", "Petit", "Moreau", "Laurent", "Benali", "Lefèvre",
            "Fontaine", "Nguyen", "Rousseau", "Diallo", "Girard", "Mercier", "Bonnet", "Haddad",
        ),
        class_names=("Seconde A", "Seconde B", "Première A", "Première B"),
        class_code_prefix="LB",
        topics=FRENCH_TOPICS,
        part_label="Partie",
    ),
)

PROJECT_TABLES = (
    "tenancy.tenants",
    "tenancy.users",
    "tenancy.user_profiles",
    "tenancy.memberships",
    "tenancy.classes",
    "tenancy.class_teachers",
    "tenancy.enrollments",
    "content.lessons",
    "content.lesson_assignments",
    "content.video_groups",
    "content.storage_objects",
    "content.videos",
    "content.video_renditions",
    "content.video_text_tracks",
    "content.milestones",
    "content.generation_jobs",
    "content.questions",
    "content.question_versions",
    "content.question_answer_keys",
    "content.question_transitions",
)


class Generator:
    """Deterministic ids, names and values drawn from one random.Random."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        self._clock_ms = int(BASE_TIME.timestamp() * 1000)
        self._generation = int(BASE_TIME.timestamp() * 1_000_000)

    def new_id(self) -> uuid.UUID:
        """Return a version-7 UUID whose time part advances by 1 ms per id."""
        self._clock_ms += 1
        value = (self._clock_ms & ((1 << 48) - 1)) << 80
        value |= 0x7 << 76
        value |= self.random.getrandbits(12) << 64
        value |= 0b10 << 62
        value |= self.random.getrandbits(62)
        return uuid.UUID(int=value)

    def new_generation(self) -> int:
        """Return a Cloud Storage generation: microseconds since the epoch, increasing."""
        self._generation += self.random.randint(1_000, 5_000_000)
        return self._generation

    def base64_bytes(self, count: int) -> str:
        return base64.b64encode(self.random.randbytes(count)).decode("ascii")

    def days_after_base(self, days: float) -> datetime.datetime:
        return BASE_TIME + datetime.timedelta(days=days)


@dataclasses.dataclass
class Member:
    user_id: uuid.UUID
    role: str


@dataclasses.dataclass
class LoadedSchool:
    """Ids of one school's rows that later steps refer to."""

    school: School
    tenant_id: uuid.UUID
    admin: Member
    teachers: list[Member]
    students: list[Member]
    class_ids: list[uuid.UUID]
    class_teacher: dict[uuid.UUID, uuid.UUID]


def load_demo(connection: psycopg.Connection, *, scale: int = 1, seed: int = 42) -> dict[str, int]:
    """Insert the demo data set and return the number of rows inserted per table.

    With autocommit off, the rows join the caller's transaction and the caller commits, as
    `ilp-db seed --demo` does. With autocommit on, the load runs in a transaction of its own.
    Raises DemoDataExists when a demo school is already in the database, and IlpError when the
    connecting role can neither bypass row-level security nor become ilp_owner.
    """
    if scale < 1:
        raise IlpError(f"invalid scale {scale}: use a whole number of 1 or more")

    if connection.autocommit:
        with connection.transaction():
            return _load(connection, scale, seed)
    return _load(connection, scale, seed)


def _load(connection: psycopg.Connection, scale: int, seed: int) -> dict[str, int]:
    is_superuser = connection.execute("select current_setting('is_superuser') = 'on'").fetchone()[0]
    if not is_superuser:
        try:
            connection.execute("set local role ilp_owner")
        except psycopg.errors.InsufficientPrivilege:
            raise IlpError(
                "the demo loader needs a superuser or a member of ilp_owner, because every table "
                "forces row-level security; connect as such a role (the local cluster's postgres "
                "is one)"
            ) from None

    try:
        _reject_existing_demo(connection)
        generator = Generator(seed)
        tenant_ids = []
        # Pipeline mode sends the inserts without waiting for each reply. An error surfaces at
        # the next statement that reads a result, and it aborts the whole load.
        with connection.pipeline():
            for school in SCHOOLS:
                log.info("Loading demo school %s (scale %d, seed %d)", school.slug, scale, seed)
                loaded = _insert_people(connection, generator, school, scale)
                _insert_content(connection, generator, loaded, scale)
                tenant_ids.append(loaded.tenant_id)
        return _count_rows(connection, tenant_ids)
    finally:
        if not is_superuser:
            connection.execute("reset role")


def _reject_existing_demo(connection: psycopg.Connection) -> None:
    slugs = [school.slug for school in SCHOOLS]
    existing = connection.execute(
        "select slug::text from tenancy.tenants where slug = any(%s) order by 1", (slugs,)
    ).fetchall()
    if existing:
        names = ", ".join(row[0] for row in existing)
        raise DemoDataExists(
            f"demo data already loaded: found the demo tenants {names}; load the demo into a "
            "freshly migrated database (drop and recreate it, then run ilp-db migrate)"
        )


def _count_rows(connection: psycopg.Connection, tenant_ids: list[uuid.UUID]) -> dict[str, int]:
    """Return the rows of each table that belong to the demo tenants, all inserted by this load."""
    counts = {}
    for table in PROJECT_TABLES:
        if table == "tenancy.tenants":
            query = "select count(*) from tenancy.tenants where id = any(%s)"
        elif table in ("tenancy.users", "tenancy.user_profiles"):
            key = "id" if table == "tenancy.users" else "user_id"
            query = (
                f"select count(*) from {table} "
                f"where {key} in "
                "(select user_id from tenancy.memberships where tenant_id = any(%s))"
            )
        else:
            query = f"select count(*) from {table} where tenant_id = any(%s)"
        counts[table] = connection.execute(query, (tenant_ids,)).fetchone()[0]
    return counts


def _ascii_slug(text: str) -> str:
    """Return text in lowercase ASCII without accents, for the local part of an address."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isascii() and c.isalnum()).lower()


def _insert_people(
    connection: psycopg.Connection, generator: Generator, school: School, scale: int
) -> LoadedSchool:
    """Insert the tenant, its admin, teachers and students, classes, teaching and enrollments."""
    rng = generator.random
    tenant_id = generator.new_id()
    connection.execute(
        "insert into tenancy.tenants (id, slug, name, settings) values (%s, %s, %s, %s)",
        (
            tenant_id,
            school.slug,
            school.name,
            Jsonb({"default_locale": school.locale, "timezone": school.timezone}),
        ),
    )

    used_addresses: set[str] = set()

    def new_member(role: str) -> tuple[Member, str, str]:
        first = rng.choice(school.first_names)
        last = rng.choice(school.last_names)
        local_part = f"{_ascii_slug(first)}.{_ascii_slug(last)}"
        address = f"{local_part}@{school.email_domain}"
        number = 2
        while address in used_addresses:
            address = f"{local_part}{number}@{school.email_domain}"
            number += 1
        used_addresses.add(address)
        return Member(user_id=generator.new_id(), role=role), f"{first} {last}", address

    people = [new_member("admin")]
    people += [new_member("teacher") for _ in range(TEACHERS_PER_SCALE * scale)]
    class_count = CLASSES_PER_SCALE * scale
    people += [new_member("student") for _ in range(STUDENTS_PER_CLASS * class_count)]

    with connection.cursor() as cursor:
        cursor.executemany(
            "insert into tenancy.users (id) values (%s)", [(m.user_id,) for m, _, _ in people]
        )
        cursor.executemany(
            "insert into tenancy.user_profiles (user_id, full_name, email, locale) "
            "values (%s, %s, %s, %s)",
            [(m.user_id, name, address, school.locale) for m, name, address in people],
        )
        cursor.executemany(
            "insert into tenancy.memberships (tenant_id, user_id, role, joined_at) "
            "values (%s, %s, %s, %s)",
            [
                (tenant_id, m.user_id, m.role, generator.days_after_base(-rng.randint(30, 400)))
                for m, _, _ in people
            ],
        )

    members = [m for m, _, _ in people]
    admin = members[0]
    teachers = [m for m in members if m.role == "teacher"]
    students = [m for m in members if m.role == "student"]

    class_ids = [generator.new_id() for _ in range(class_count)]
    class_teacher = {}
    with connection.cursor() as cursor:
        cursor.executemany(
            "insert into tenancy.classes (tenant_id, id, name, code) values (%s, %s, %s, %s)",
            [
                (
                    tenant_id,
                    class_id,
                    _class_name(school, index),
                    f"{school.class_code_prefix}-{index + 1:03d}",
                )
                for index, class_id in enumerate(class_ids)
            ],
        )
        for index, class_id in enumerate(class_ids):
            class_teacher[class_id] = teachers[index % len(teachers)].user_id
        cursor.executemany(
            "insert into tenancy.class_teachers (tenant_id, class_id, user_id, assigned_at) "
            "values (%s, %s, %s, %s)",
            [
                (tenant_id, class_id, teacher_id, generator.days_after_base(-20))
                for class_id, teacher_id in class_teacher.items()
            ],
        )
        cursor.executemany(
            "insert into tenancy.enrollments (tenant_id, class_id, user_id, enrolled_at) "
            "values (%s, %s, %s, %s)",
            [
                (
                    tenant_id,
                    class_ids[index // STUDENTS_PER_CLASS],
                    student.user_id,
                    generator.days_after_base(-14),
                )
                for index, student in enumerate(students)
            ],
        )

    return LoadedSchool(school, tenant_id, admin, teachers, students, class_ids, class_teacher)


def _class_name(school: School, index: int) -> str:
    base = school.class_names[index % len(school.class_names)]
    round_number = index // len(school.class_names)
    return base if round_number == 0 else f"{base} ({round_number + 1})"


@dataclasses.dataclass
class VideoRow:
    video_id: uuid.UUID
    lesson_id: uuid.UUID
    duration_ms: int | None
    ready: bool
    job_id: uuid.UUID | None


def _insert_content(
    connection: psycopg.Connection, generator: Generator, loaded: LoadedSchool, scale: int
) -> None:
    """Insert the lessons of one school with their videos, milestones and questions."""
    school = loaded.school
    question_counter = 0

    for index in range(LESSONS_PER_SCALE * scale):
        topic = school.topics[index % len(school.topics)]
        part = index // len(school.topics)
        title = topic.title
        if part > 0:
            title = f"{topic.title} ({school.part_label.lower()} {part + 1})"
        author = loaded.teachers[index % len(loaded.teachers)]
        # Of every five lessons, three are published, one is a draft and one is archived.
        status = ("published", "published", "published", "draft", "archived")[index % 5]

        lesson_id = generator.new_id()
        connection.execute(
            "insert into content.lessons "
            "(tenant_id, id, author_id, title, description, language, status) "
            "values (%s, %s, %s, %s, %s, %s, %s)",
            (
                loaded.tenant_id, lesson_id, author.user_id, title, topic.description,
                school.locale, status,
            ),
        )
        if status != "draft":
            _assign_lesson(connection, generator, loaded, lesson_id, index)

        videos = _insert_videos(connection, generator, loaded, topic, lesson_id, author, status)
        for video in videos:
            question_counter = _insert_milestones_and_questions(
                connection, generator, loaded, topic, video, author, status, question_counter
            )
        log.debug("Loaded lesson %s of %s", title, school.slug)


def _assign_lesson(
    connection: psycopg.Connection,
    generator: Generator,
    loaded: LoadedSchool,
    lesson_id: uuid.UUID,
    index: int,
) -> None:
    """Assign a lesson to one or two classes, by their teachers, with a due date for most."""
    rng = generator.random
    first = index % len(loaded.class_ids)
    class_ids = [loaded.class_ids[first]]
    if len(loaded.class_ids) > 1 and rng.random() < 0.5:
        class_ids.append(loaded.class_ids[(first + 1) % len(loaded.class_ids)])
    for class_id in class_ids:
        assigned_at = generator.days_after_base(rng.randint(0, 20))
        due_at = None
        if rng.random() < 0.8:
            due_at = assigned_at + datetime.timedelta(days=rng.randint(3, 14))
        connection.execute(
            "insert into content.lesson_assignments "
            "(tenant_id, lesson_id, class_id, assigned_by, assigned_at, due_at) "
            "values (%s, %s, %s, %s, %s, %s)",
            (
                loaded.tenant_id, lesson_id, class_id, loaded.class_teacher[class_id],
                assigned_at, due_at,
            ),
        )


def _insert_storage_object(
    connection: psycopg.Connection,
    generator: Generator,
    tenant_id: uuid.UUID,
    kind: str,
    object_name: str,
    content_type: str,
    size_bytes: int,
) -> uuid.UUID:
    object_id = generator.new_id()
    # Cloud Storage stores no MD5 hash for composite objects; about one upload in five is one.
    md5_hash = None if generator.random.random() < 0.2 else generator.base64_bytes(16)
    connection.execute(
        "insert into content.storage_objects (tenant_id, id, kind, bucket, object_name, "
        "generation, content_type, size_bytes, crc32c, md5_hash) "
        "values (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
        (
            tenant_id, object_id, kind, BUCKET, object_name, generator.new_generation(),
            content_type, size_bytes, generator.base64_bytes(4), md5_hash,
        ),
    )
    return object_id


def _insert_videos(
    connection: psycopg.Connection,
    generator: Generator,
    loaded: LoadedSchool,
    topic: Topic,
    lesson_id: uuid.UUID,
    author: Member,
    lesson_status: str,
) -> list[VideoRow]:
    """Insert the groups and videos of a lesson, their renditions, tracks and generation jobs."""
    rng = generator.random
    tenant_id = loaded.tenant_id
    language = loaded.school.locale.split("-")[0]
    videos = []

    for group_position in range(GROUPS_PER_LESSON):
        group_id = generator.new_id()
        connection.execute(
            "insert into content.video_groups (tenant_id, id, lesson_id, position, title) "
            "values (%s, %s, %s, %s, %s)",
            (
                tenant_id, group_id, lesson_id, group_position,
                f"{loaded.school.part_label} {group_position + 1}",
            ),
        )

        for position in range(VIDEOS_PER_GROUP):
            video_id = generator.new_id()
            prefix = f"{loaded.school.slug}/lessons/{lesson_id}/videos/{video_id}"
            source_id = _insert_storage_object(
                connection, generator, tenant_id, "video_source", f"{prefix}/source.mp4",
                "video/mp4", rng.randint(50, 900) * 1024 * 1024,
            )
            is_last_video = (
                group_position == GROUPS_PER_LESSON - 1 and position == VIDEOS_PER_GROUP - 1
            )
            # The last video of a draft lesson is still being processed, or failed.
            if lesson_status == "draft" and is_last_video:
                processing_status = rng.choice(("uploaded", "transcoding", "failed"))
            else:
                processing_status = "ready"
            ready = processing_status == "ready"
            duration_ms = rng.randint(180, 720) * 1000 + rng.randint(0, 999) if ready else None
            width, height = rng.choice(((1920, 1080), (1280, 720))) if ready else (None, None)

            connection.execute(
                "insert into content.videos (tenant_id, id, lesson_id, video_group_id, position, "
                "title, storage_object_id, duration_ms, width, height, processing_status, "
                "transcoding_started_at, ready_at, failed_at, failure_reason) "
                "values (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                (
                    tenant_id, video_id, lesson_id, group_id, position,
                    f"{topic.title} {group_position * VIDEOS_PER_GROUP + position + 1}",
                    source_id, duration_ms, width, height, processing_status,
                    BASE_TIME if processing_status in ("transcoding", "ready") else None,
                    BASE_TIME if ready else None,
                    BASE_TIME if processing_status == "failed" else None,
                    FAILURE_REASON if processing_status == "failed" else None,
                ),
            )

            job_id = None
            if ready:
                _insert_renditions_and_tracks(
                    connection, generator, tenant_id, video_id, prefix, height, language
                )
                job_id = _insert_generation_job(connection, generator, tenant_id, video_id, author)
            videos.append(VideoRow(video_id, lesson_id, duration_ms, ready, job_id))

    return videos


def _insert_renditions_and_tracks(
    connection: psycopg.Connection,
    generator: Generator,
    tenant_id: uuid.UUID,
    video_id: uuid.UUID,
    prefix: str,
    source_height: int,
    language: str,
) -> None:
    rng = generator.random
    profiles = [("480p-h264", 854, 480, 1_200_000), ("720p-h264", 1280, 720, 2_800_000)]
    if source_height >= 1080:
        profiles.append(("1080p-h264", 1920, 1080, 5_000_000))
    for profile, width, height, bitrate in profiles:
        object_id = _insert_storage_object(
            connection, generator, tenant_id, "video_rendition", f"{prefix}/{profile}.mp4",
            "video/mp4", rng.randint(20, 400) * 1024 * 1024,
        )
        connection.execute(
            "insert into content.video_renditions (tenant_id, id, video_id, profile, "
            "storage_object_id, width, height, bitrate_bps) "
            "values (%s, %s, %s, %s, %s, %s, %s, %s)",
            (tenant_id, generator.new_id(), video_id, profile, object_id, width, height, bitrate),
        )
    for kind, extension, content_type in (
        ("captions", "vtt", "text/vtt"),
        ("transcript", "json", "application/json"),
    ):
        object_id = _insert_storage_object(
            connection, generator, tenant_id, "video_text_track",
            f"{prefix}/{kind}.{language}.{extension}", content_type, rng.randint(4, 60) * 1024,
        )
        connection.execute(
            "insert into content.video_text_tracks (tenant_id, id, video_id, kind, language, "
            "storage_object_id) values (%s, %s, %s, %s, %s, %s)",
            (tenant_id, generator.new_id(), video_id, kind, language, object_id),
        )


def _insert_generation_job(
    connection: psycopg.Connection,
    generator: Generator,
    tenant_id: uuid.UUID,
    video_id: uuid.UUID,
    author: Member,
) -> uuid.UUID | None:
    """Insert one generation job per ready video; return its id when it succeeded."""
    rng = generator.random
    job_id = generator.new_id()
    roll = rng.random()
    if roll < 0.8:
        status = "succeeded"
    elif roll < 0.95:
        status = "failed"
    else:
        status = "running"
    input_tokens = rng.randint(2_000, 9_000)
    output_tokens = rng.randint(300, 1_500) if status == "succeeded" else 0
    # Invented demo rates, not a provider's prices: 1.25 US dollars per million input tokens
    # and 5 per million output tokens.
    cost = round(input_tokens * 1.25e-6 + output_tokens * 5e-6, 6)
    created_at = generator.days_after_base(rng.randint(0, 20))
    started_at = created_at + datetime.timedelta(seconds=rng.randint(1, 30))
    finished_at = (
        started_at + datetime.timedelta(seconds=rng.randint(5, 90)) if status != "running" else None
    )
    connection.execute(
        "insert into content.generation_jobs (tenant_id, id, video_id, requested_by, model, "
        "prompt_template, prompt_template_version, status, input_tokens, output_tokens, "
        "cost_usd, error, created_at, started_at, finished_at) "
        "values (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
        (
            tenant_id, job_id, video_id, author.user_id, MODEL, PROMPT_TEMPLATE,
            PROMPT_TEMPLATE_VERSION, status, input_tokens, output_tokens, cost,
            "The model's answer was not valid JSON." if status == "failed" else None,
            created_at, started_at, finished_at,
        ),
    )
    return job_id if status == "succeeded" else None


def _milestone_positions(rng: random.Random, duration_ms: int | None) -> list[tuple[str, int]]:
    """Return (kind, position in ms) of the milestones of a video: a chapter at 0, two question
    milestones and a checkpoint, spread over the video."""
    length = duration_ms if duration_ms is not None else 300_000
    return [
        ("chapter", 0),
        ("question", int(length * rng.uniform(0.2, 0.35))),
        ("checkpoint", int(length * rng.uniform(0.45, 0.55))),
        ("question", int(length * rng.uniform(0.7, 0.9))),
    ]


def _insert_milestones_and_questions(
    connection: psycopg.Connection,
    generator: Generator,
    loaded: LoadedSchool,
    topic: Topic,
    video: VideoRow,
    author: Member,
    lesson_status: str,
    question_counter: int,
) -> int:
    """Insert the milestones of a video and the questions of its question milestones.

    Returns the updated count of questions of the school, which picks the next question type so
    that every type appears.
    """
    rng = generator.random
    tenant_id = loaded.tenant_id
    chapter_titles = ("Introduction", "Key ideas", "Summary")

    for number, (kind, position_ms) in enumerate(_milestone_positions(rng, video.duration_ms)):
        milestone_id = generator.new_id()
        is_question = kind == "question"
        require_correct = is_question and rng.random() < 0.4
        seek_back = max(0, position_ms - rng.randint(10_000, 40_000)) if require_correct else None
        if seek_back is not None and seek_back >= position_ms:
            seek_back = None
        connection.execute(
            "insert into content.milestones (tenant_id, id, lesson_id, video_id, position_ms, "
            "kind, title, pause_playback, require_correct_answer, seek_back_to_ms) "
            "values (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
            (
                tenant_id, milestone_id, video.lesson_id, video.video_id, position_ms, kind,
                chapter_titles[number % len(chapter_titles)] if kind == "chapter" else None,
                kind != "chapter", require_correct, seek_back,
            ),
        )
        if not is_question:
            continue

        for position in range(rng.choice((1, 1, 2))):
            question_type = QUESTION_TYPES[question_counter % len(QUESTION_TYPES)]
            question_counter += 1
            _insert_question(
                connection, generator, loaded, topic, video, author, lesson_status,
                milestone_id, position, position_ms, question_type, question_counter,
            )

    return question_counter


def _reviewer_for(loaded: LoadedSchool, author: Member) -> Member:
    """Return another teacher of the school, or its admin when the author is the only teacher."""
    for teacher in loaded.teachers:
        if teacher.user_id != author.user_id:
            return teacher
    return loaded.admin


def _insert_question(
    connection: psycopg.Connection,
    generator: Generator,
    loaded: LoadedSchool,
    topic: Topic,
    video: VideoRow,
    author: Member,
    lesson_status: str,
    milestone_id: uuid.UUID,
    position: int,
    position_ms: int,
    question_type: str,
    question_number: int,
) -> None:
    """Insert a question, its first version and key, and walk it through the review workflow."""
    rng = generator.random
    tenant_id = loaded.tenant_id
    question_id = generator.new_id()
    connection.execute(
        "insert into content.questions (tenant_id, id, lesson_id, milestone_id, position, "
        "created_by) values (%s, %s, %s, %s, %s, %s)",
        (tenant_id, question_id, video.lesson_id, milestone_id, position, author.user_id),
    )

    prompt, answer_key = build_payload(question_type, topic, loaded.school, position_ms)
    # Every third question of a video with a successful job was drafted by the model.
    generated = video.job_id is not None and question_number % 3 == 0
    provenance: tuple[uuid.UUID | None, str | None, str | None] = (None, None, None)
    if generated:
        start_ms = max(0, position_ms - rng.randint(20_000, 60_000))
        rendered_prompt = json.dumps(
            {"template": PROMPT_TEMPLATE, "video": str(video.video_id), "from": start_ms,
             "to": position_ms, "type": question_type},
            sort_keys=True,
        )
        provenance = (
            video.job_id,
            hashlib.sha256(rendered_prompt.encode()).hexdigest(),
            f"[{start_ms},{max(position_ms, start_ms + 1)})",
        )

    points = 0 if question_type == "poll" else rng.choice((1, 1, 2, 3))
    _insert_version(
        connection, tenant_id, question_id, question_type, prompt, answer_key, points, author,
        provenance, rng,
    )

    reviewer = _reviewer_for(loaded, author)
    if generated:
        target_state = GENERATED_STATES[(question_number // 3) % len(GENERATED_STATES)]
    elif lesson_status == "draft":
        target_state = "draft" if question_number % 2 == 0 else "in_review"
    else:
        target_state = "approved"
    _walk_workflow(connection, tenant_id, question_id, 1, target_state, author, reviewer)

    # Some approved questions were edited later: version 2 replaces version 1.
    if target_state == "approved" and not generated and question_number % 5 == 0:
        revised_label = "(revised)" if loaded.school.locale.startswith("en") else "(révisée)"
        prompt["text"] = f"{prompt['text']} {revised_label}"
        _insert_version(
            connection, tenant_id, question_id, question_type, prompt, answer_key, points, author,
            (None, None, None), rng,
        )
        _walk_workflow(connection, tenant_id, question_id, 2, "approved", author, reviewer)


def _insert_version(
    connection: psycopg.Connection,
    tenant_id: uuid.UUID,
    question_id: uuid.UUID,
    question_type: str,
    prompt: dict,
    answer_key: dict | None,
    points: int,
    author: Member,
    provenance: tuple[uuid.UUID | None, str | None, str | None],
    rng: random.Random,
) -> None:
    job_id, prompt_sha256, transcript_range = provenance
    max_attempts = None if question_type == "poll" else rng.choice((None, 1, 2, 3))
    penalty = 0 if points == 0 else rng.choice((0, 0, 0.25, 0.5))
    hints = [] if question_type == "poll" else rng.choice(([], ["Watch the last minute again."]))
    feedback = {}
    if question_type != "poll":
        feedback = {"correct": "Well done.", "incorrect": "Not quite."}
    version = connection.execute(
        "insert into content.question_versions (tenant_id, question_id, question_type, prompt, "
        "points, retry_penalty_points, max_attempts, hints, feedback, created_by, "
        "generation_job_id, prompt_sha256, transcript_range_ms) "
        "values (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s::int4range) returning version",
        (
            tenant_id, question_id, question_type, Jsonb(prompt), points, penalty, max_attempts,
            Jsonb(hints), Jsonb(feedback), author.user_id, job_id, prompt_sha256,
            transcript_range,
        ),
    ).fetchone()[0]
    if answer_key is not None:
        connection.execute(
            "insert into content.question_answer_keys (tenant_id, question_id, version, "
            "answer_key) values (%s, %s, %s, %s)",
            (tenant_id, question_id, version, Jsonb(answer_key)),
        )


def _walk_workflow(
    connection: psycopg.Connection,
    tenant_id: uuid.UUID,
    question_id: uuid.UUID,
    version: int,
    target_state: str,
    author: Member,
    reviewer: Member,
) -> None:
    """Insert the transitions that take a draft version to target_state."""
    steps: list[tuple[str, Member, str | None]] = []
    if target_state != "draft":
        steps.append(("in_review", author, None))
    if target_state in ("approved", "retired"):
        steps.append(("approved", reviewer, None))
    if target_state == "rejected":
        steps.append(("rejected", reviewer, "The answer is ambiguous; rephrase the question."))
    if target_state == "retired":
        steps.append(("retired", reviewer, "No longer matches the video."))
    for to_status, actor, reason in steps:
        # Without a request context the row names its actor (see tg_question_transitions__apply).
        connection.execute(
            "insert into content.question_transitions (tenant_id, question_id, version, "
            "to_status, actor_id, reason) values (%s, %s, %s, %s, %s, %s)",
            (tenant_id, question_id, version, to_status, actor.user_id, reason),
        )


def _items(texts: Sequence[str], prefix: str) -> list[dict[str, str]]:
    return [{"id": f"{prefix}{index + 1}", "text": text} for index, text in enumerate(texts)]


def build_payload(
    question_type: str, topic: Topic, school: School, position_ms: int
) -> tuple[dict, dict | None]:
    """Return the prompt and the answer key (None for a poll) of a question about a topic."""
    if question_type == "single_choice":
        text, options, correct = topic.choice
        return (
            {"text": text, "options": _items(options, "o"), "shuffle": True},
            {"correct_option_id": f"o{correct + 1}"},
        )
    if question_type == "multiple_choice":
        text, options, correct = topic.multiple
        return (
            {"text": text, "options": _items(options, "o")},
            {"correct_option_ids": [f"o{index + 1}" for index in correct], "partial_credit": True},
        )
    if question_type == "true_false":
        text, truth = topic.statement
        return {"text": text}, {"correct": truth}
    if question_type == "fill_in_blanks":
        text, accepted = topic.blank
        return (
            {"text": text, "blanks": [{"id": "b1"}]},
            {"blanks": [{"id": "b1", "accepted": list(accepted), "case_sensitive": False}]},
        )
    if question_type == "numeric":
        text, value, tolerance, unit = topic.number
        prompt = {"text": text}
        if unit:
            prompt["unit"] = unit
        return prompt, {"value": value, "tolerance": tolerance}
    if question_type == "ordering":
        text, steps = topic.order
        items = _items(steps, "s")
        # The prompt lists the steps in a fixed scrambled order; the key holds the right one.
        scrambled = items[1:] + items[:1]
        return {"text": text, "items": scrambled}, {"order": [item["id"] for item in items]}
    if question_type == "matching":
        text, pairs, distractor = topic.pairs
        left = _items([pair[0] for pair in pairs], "l")
        right = _items([pair[1] for pair in pairs] + [distractor], "r")
        right = right[::-1]
        return (
            {"text": text, "left": left, "right": right},
            {
                "pairs": [
                    {"left": f"l{index + 1}", "right": f"r{index + 1}"}
                    for index in range(len(pairs))
                ]
            },
        )
    if question_type == "hotspot":
        return (
            {"text": topic.hotspot, "frame_ms": position_ms},
            {
                "areas": [
                    {"shape": "rectangle", "x": 0.32, "y": 0.28, "width": 0.18, "height": 0.2},
                    {"shape": "circle", "x": 0.7, "y": 0.55, "radius": 0.08},
                ]
            },
        )
    if question_type == "free_text":
        text, criteria, model_answer = topic.essay
        return (
            {"text": text, "max_length": 1500},
            {
                "rubric": [{"criterion": criterion, "points": 1} for criterion in criteria],
                "model_answer": model_answer,
            },
        )
    if question_type == "poll":
        text, options = topic.poll
        return {"text": text, "options": _items(options, "p"), "allow_multiple": False}, None
    raise ValueError(f"unknown question type {question_type!r}: expected one of {QUESTION_TYPES}")
