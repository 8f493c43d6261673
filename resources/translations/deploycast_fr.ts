<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CliText</name>
    <message>
        <source>%1 takes no value</source>
        <translation>%1 ne prend pas de valeur</translation>
    </message>
    <message>
        <source>%1 needs a value: %1:%2</source>
        <translation>%1 demande une valeur : %1:%2</translation>
    </message>
    <message>
        <source>%1 needs a whole number from 1 to 4294967295, not &apos;%2&apos;</source>
        <translation>%1 demande un nombre entier de 1 à 4294967295, pas « %2 »</translation>
    </message>
    <message>
        <source>%1 must be one of %2, not &apos;%3&apos;</source>
        <translation>%1 doit valoir %2, pas « %3 »</translation>
    </message>
    <message>
        <source>%1 needs a time as YYYY/MM/DD:hh:mm, not &apos;%2&apos;</source>
        <translation>%1 demande une heure au format AAAA/MM/JJ:hh:mm, pas « %2 »</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a /Command or /Switch (a value with spaces needs quotes)</source>
        <translation>« %1 » n&apos;est ni une /Commande ni une /Option (une valeur avec des espaces doit être entre guillemets)</translation>
    </message>
    <message>
        <source>one command at a time: /%1 and /%2</source>
        <translation>une seule commande à la fois : /%1 et /%2</translation>
    </message>
    <message>
        <source>/%1 takes no value</source>
        <translation>/%1 ne prend pas de valeur</translation>
    </message>
    <message>
        <source>unknown command &apos;/%1&apos; (deploycast /? lists the commands)</source>
        <translation>commande inconnue « /%1 » (deploycast /? liste les commandes)</translation>
    </message>
    <message>
        <source>no command given</source>
        <translation>aucune commande donnée</translation>
    </message>
    <message>
        <source>/%1 has no switch /%2</source>
        <translation>/%1 n&apos;a pas d&apos;option /%2</translation>
    </message>
    <message>
        <source>/%1 is given twice</source>
        <translation>/%1 est donnée deux fois</translation>
    </message>
    <message>
        <source>/%1 needs /%2</source>
        <translation>/%1 demande /%2</translation>
    </message>
    <message>
        <source>deploycast - manage Deploycast multicast servers, in WDSUTIL&apos;s syntax.

Usage: deploycast /&lt;Command&gt; [/&lt;Switch&gt;[:&lt;value&gt;] ...]
       deploycast /&lt;Command&gt; /?     help for one command

Commands and switches are case-insensitive.

Commands:
</source>
        <translation>deploycast - gère les serveurs multicast Deploycast, dans la syntaxe de WDSUTIL.

Usage : deploycast /&lt;Commande&gt; [/&lt;Option&gt;[:&lt;valeur&gt;] ...]
        deploycast /&lt;Commande&gt; /?     aide d&apos;une commande

Les commandes et les options ne tiennent pas compte de la casse.

Commandes :
</translation>
    </message>
    <message>
        <source>
Exit codes: 0 success, 1 the server refused or failed the request, 2 usage error,
3 server unreachable, 4 connection lost or protocol error.
</source>
        <translation>
Codes de sortie : 0 succès, 1 le serveur a refusé ou manqué la requête, 2 erreur d&apos;usage,
3 serveur injoignable, 4 connexion perdue ou erreur de protocole.
</translation>
    </message>
    <message>
        <source>%1

Usage: %2

Switches:
%3</source>
        <translation>%1

Usage : %2

Options :
%3</translation>
    </message>
    <message>
        <source>
Examples:
  </source>
        <translation>
Exemples :
  </translation>
    </message>
    <message>
        <source>The server: a host name or IP address, with an optional port (default 7405). Without it, the local server at 127.0.0.1:7405 (or $DEPLOYCAST_SERVER).</source>
        <translation>Le serveur : un nom d&apos;hôte ou une adresse IP, avec un port facultatif (7405 par défaut). Sans elle, le serveur local à 127.0.0.1:7405 (ou $DEPLOYCAST_SERVER).</translation>
    </message>
    <message>
        <source>Output as a readable table (default) or as JSON for scripts (docs/cli.md has the shape).</source>
        <translation>Sortie en tableau lisible (par défaut) ou en JSON pour les scripts (docs/cli.md en donne la forme).</translation>
    </message>
    <message>
        <source>AutoCast starts when the first client joins; ScheduledCast starts at /Time, or once /Clients clients have joined, whichever comes first, or when started by hand.</source>
        <translation>AutoCast démarre dès que le premier client se connecte ; ScheduledCast démarre à /Time, ou dès que /Clients clients se sont connectés, au premier des deux, ou quand on le démarre à la main.</translation>
    </message>
    <message>
        <source>ScheduledCast only: when to start, in the server&apos;s local time.</source>
        <translation>ScheduledCast seulement : quand démarrer, à l&apos;heure locale du serveur.</translation>
    </message>
    <message>
        <source>ScheduledCast only: start once this many clients have joined.</source>
        <translation>ScheduledCast seulement : démarrer dès que ce nombre de clients s&apos;est connecté.</translation>
    </message>
    <message>
        <source>The namespace&apos;s unique name.</source>
        <translation>Le nom unique de l&apos;espace de noms.</translation>
    </message>
    <message>
        <source>Also list the connected clients.</source>
        <translation>Lister aussi les clients connectés.</translation>
    </message>
    <message>
        <source>Disconnects a client from a multicast transmission or namespace.</source>
        <translation>Déconnecte un client d&apos;une transmission multicast ou d&apos;un espace de noms.</translation>
    </message>
    <message>
        <source>The client&apos;s ID, as /Get-MulticastTransmission /Show:Clients lists it.</source>
        <translation>L&apos;identifiant du client, tel que /Get-MulticastTransmission /Show:Clients le liste.</translation>
    </message>
    <message>
        <source>Stop the transfer at once with no fallback; the client reports failure. Without it, a client that supports fallback finishes by unicast, and one that does not fails.</source>
        <translation>Arrêter le transfert immédiatement, sans repli ; le client signale un échec. Sans elle, un client qui accepte le repli termine en unicast, et un client qui ne l&apos;accepte pas échoue.</translation>
    </message>
    <message>
        <source>Shows every multicast transmission on the server.</source>
        <translation>Affiche toutes les transmissions multicast du serveur.</translation>
    </message>
    <message>
        <source>Leave out transmissions that are being removed (Deactivated).</source>
        <translation>Omettre les transmissions en cours de suppression (désactivées).</translation>
    </message>
    <message>
        <source>A description.</source>
        <translation>Une description.</translation>
    </message>
    <message>
        <source>Starts a ScheduledCast transmission now, whatever its start conditions.</source>
        <translation>Démarre maintenant une transmission ScheduledCast, quelles que soient ses conditions de démarrage.</translation>
    </message>
    <message>
        <source>Removes a multicast transmission.</source>
        <translation>Supprime une transmission multicast.</translation>
    </message>
    <message>
        <source>Stop every client at once. Without it, current clients finish and no new ones join (the transmission shows as Deactivated until then).</source>
        <translation>Arrêter tous les clients immédiatement. Sans elle, les clients en cours terminent et aucun nouveau ne se connecte (la transmission apparaît désactivée jusque-là).</translation>
    </message>
    <message>
        <source>Creates a namespace: content other than an OS image, multicast like a transmission.</source>
        <translation>Crée un espace de noms : un contenu autre qu&apos;une image de système, diffusé en multicast comme une transmission.</translation>
    </message>
    <message>
        <source>The namespace&apos;s friendly name.</source>
        <translation>Le nom convivial de l&apos;espace de noms.</translation>
    </message>
    <message>
        <source>The content provider. This server has &apos;file&apos;, which serves a file from the image store.</source>
        <translation>Le fournisseur de contenu. Ce serveur propose « file », qui sert un fichier du magasin d&apos;images.</translation>
    </message>
    <message>
        <source>The provider&apos;s configuration: for &apos;file&apos;, the file&apos;s path in the image store.</source>
        <translation>La configuration du fournisseur : pour « file », le chemin du fichier dans le magasin d&apos;images.</translation>
    </message>
    <message>
        <source>Shows one namespace.</source>
        <translation>Affiche un espace de noms.</translation>
    </message>
    <message>
        <source>Shows every namespace on the server.</source>
        <translation>Affiche tous les espaces de noms du serveur.</translation>
    </message>
    <message>
        <source>Only namespaces of this content provider.</source>
        <translation>Seulement les espaces de noms de ce fournisseur de contenu.</translation>
    </message>
    <message>
        <source>Starts a ScheduledCast namespace now.</source>
        <translation>Démarre maintenant un espace de noms ScheduledCast.</translation>
    </message>
    <message>
        <source>Removes a namespace.</source>
        <translation>Supprime un espace de noms.</translation>
    </message>
    <message>
        <source>Stop every client at once. Without it, current clients finish first.</source>
        <translation>Arrêter tous les clients immédiatement. Sans elle, les clients en cours terminent d&apos;abord.</translation>
    </message>
    <message>
        <source>Table (default), Json, or Cbor (binary, /Show:Snapshot only).</source>
        <translation>Table (par défaut), Json ou Cbor (binaire, /Show:Snapshot seulement).</translation>
    </message>
    <message>
        <source>Lists the clients finishing by unicast after a disconnect without Force (a Deploycast extension).</source>
        <translation>Liste les clients qui terminent en unicast après une déconnexion sans Force (une extension de Deploycast).</translation>
    </message>
    <message>
        <source>Transmission: %1 (ID %2)</source>
        <translation>Transmission : %1 (ID %2)</translation>
    </message>
    <message>
        <source>Namespace: %1 (ID %2)</source>
        <translation>Espace de noms : %1 (ID %2)</translation>
    </message>
    <message>
        <source>Friendly name</source>
        <translation>Nom convivial</translation>
    </message>
    <message>
        <source>Content provider</source>
        <translation>Fournisseur de contenu</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Config string</source>
        <translation>Configuration</translation>
    </message>
    <message>
        <source>%1 (%2, %3 bytes)</source>
        <translation>%1 (%2, %3 octets)</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Heure de début</translation>
    </message>
    <message>
        <source>Start at clients</source>
        <translation>Début à clients</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Multicast group</source>
        <translation>Groupe multicast</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>No clients.</source>
        <translation>Aucun client.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>Adresse IP</translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation>Adresse MAC</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Débit</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Serveur : %1</translation>
    </message>
    <message>
        <source>Maximum rate</source>
        <translation>Débit maximal</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>illimité</translation>
    </message>
    <message>
        <source>Usage: deploycast /&lt;Command&gt; [/&lt;Switch&gt;[:&lt;value&gt;] ...]; deploycast /? lists the commands.</source>
        <translation>Usage : deploycast /&lt;Commande&gt; [/&lt;Option&gt;[:&lt;valeur&gt;] ...] ; deploycast /? liste les commandes.</translation>
    </message>
    <message>
        <source>Whether a disconnected client finishes by unicast (if it supports it) or fails. Default: Yes.</source>
        <translation>Si un client déconnecté termine en unicast (s&apos;il l&apos;accepte) ou échoue. Par défaut : Yes.</translation>
    </message>
    <message>
        <source>AutoDisconnect below %1 KB/s, with unicast fallback</source>
        <translation>AutoDisconnect sous %1 Ko/s, avec repli unicast</translation>
    </message>
    <message>
        <source>AutoDisconnect below %1 KB/s, without fallback</source>
        <translation>AutoDisconnect sous %1 Ko/s, sans repli</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>Slow-client policy</source>
        <translation>Politique clients lents</translation>
    </message>
    <message>
        <source>None: one stream, paced for everyone. AutoDisconnect: when clients receive below /Threshold for 5 s, the slowest is disconnected. Multistream: the slowest is moved to a slower stream instead (one per /StreamCount), keeping what it has.</source>
        <translation>None : un seul flux, cadencé pour tous. AutoDisconnect : quand les clients reçoivent sous /Threshold pendant 5 s, le plus lent est déconnecté. Multistream : le plus lent passe plutôt sur un flux plus lent (un par /StreamCount) et garde ce qu’il a reçu.</translation>
    </message>
    <message>
        <source>Multistream: how many streams: 2 (fast, slow; the default) or 3 (fast, medium, slow).</source>
        <translation>Multistream : nombre de flux : 2 (rapide, lent ; par défaut) ou 3 (rapide, moyen, lent).</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Client %1: %2</source>
        <translation>Client %1 : %2</translation>
    </message>
    <message>
        <source>Multistream, %1 streams, moving clients below %2 KB/s to a slower one</source>
        <translation>Multistream, %1 flux, les clients sous %2 Ko/s passent sur un flux plus lent</translation>
    </message>
    <message>
        <source>cannot read the token file %1: %2</source>
        <translation>impossible de lire le fichier de jeton %1 : %2</translation>
    </message>
    <message>
        <source>Shows the server&apos;s audit log: every management action that changed something or was refused, with its time, peer, token ID, targets and result (admins only; a Deploycast extension).</source>
        <translation>Affiche le journal d’audit du serveur : chaque action de gestion qui a modifié quelque chose ou a été refusée, avec son heure, le pair, l’identifiant du jeton, les cibles et le résultat (administrateurs seulement ; extension Deploycast).</translation>
    </message>
    <message>
        <source>Only the last n entries (default: all).</source>
        <translation>Seulement les n dernières entrées (par défaut : toutes).</translation>
    </message>
    <message>
        <source>Pin the server&apos;s certificate if it has none pinned yet (compare its fingerprint with the one deploycastd logs first). Without it, an unknown certificate is refused.</source>
        <translation>Épingler le certificat du serveur s’il n’en a encore aucun d’épinglé (comparez d’abord son empreinte avec celle que deploycastd journalise). Sans cela, un certificat inconnu est refusé.</translation>
    </message>
    <message>
        <source>A file holding the management token. Default: $DEPLOYCAST_TOKEN, then the file named by $DEPLOYCAST_TOKEN_FILE, then, for a server on this machine, its own token file if readable.</source>
        <translation>Un fichier contenant le jeton de gestion. Par défaut : $DEPLOYCAST_TOKEN, puis le fichier nommé par $DEPLOYCAST_TOKEN_FILE, puis, pour un serveur sur cette machine, son propre fichier de jeton s’il est lisible.</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Yes: receivers must give the join token that the server makes for it (shown to admins only; deploycast-receive --join-token). Default: No.</source>
        <translation>Yes : les récepteurs doivent donner le jeton d’adhésion que le serveur crée pour elle (montré aux administrateurs seulement ; deploycast-receive --join-token). Par défaut : No.</translation>
    </message>
    <message>
        <source>Join token</source>
        <translation>Jeton d’adhésion</translation>
    </message>
    <message>
        <source>Preparing (%1%)</source>
        <translation>Préparation (%1 %)</translation>
    </message>
    <message>
        <source>Image missing (%1)</source>
        <translation>Image absente (%1)</translation>
    </message>
    <message>
        <source>Waiting for interface (%1)</source>
        <translation>En attente de l’interface (%1)</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Disponibilité</translation>
    </message>
    <message>
        <source>The transport server&apos;s settings follow (as in WDSUTIL; they are the only settings /Set-Server has).</source>
        <translation>Les réglages du serveur de transport suivent (comme dans WDSUTIL ; ce sont les seuls réglages de /Set-Server).</translation>
    </message>
    <message>
        <source>Range: new transmissions take their group from /Start to /End. Dhcp (MADCAP) is not supported.</source>
        <translation>Range : les nouvelles transmissions prennent leur groupe de /Start à /End. Dhcp (MADCAP) n&apos;est pas pris en charge.</translation>
    </message>
    <message>
        <source>The first UDP port for new transmissions (1024-65535; default 64001), with /EndPort.</source>
        <translation>Le premier port UDP des nouvelles transmissions (1024-65535 ; 64001 par défaut), avec /EndPort.</translation>
    </message>
    <message>
        <source>The last UDP port (default 65000).</source>
        <translation>Le dernier port UDP (65000 par défaut).</translation>
    </message>
    <message>
        <source>The network profile: each new transmission is capped for a network of that speed; Custom (the default) uses deploycastd&apos;s --max-rate.</source>
        <translation>Le profil réseau : chaque nouvelle transmission est plafonnée pour un réseau de ce débit ; Custom (par défaut) utilise --max-rate de deploycastd.</translation>
    </message>
    <message>
        <source>Set the policy for slow clients, with /Policy.</source>
        <translation>Régler la politique des clients lents, avec /Policy.</translation>
    </message>
    <message>
        <source>The slowest rate, in KB/s, that clients may receive at: required for AutoDisconnect; for Multistream, default 1000.</source>
        <translation>Le débit le plus lent, en Ko/s, auquel les clients peuvent recevoir : obligatoire pour AutoDisconnect ; pour Multistream, 1000 par défaut.</translation>
    </message>
    <message>
        <source>Sets the server&apos;s transport settings: the slow-client policy, the multicast range and the network profile (as /Set-TransportServer).</source>
        <translation>Règle le transport du serveur : la politique des clients lents, la plage multicast et le profil réseau (comme /Set-TransportServer).</translation>
    </message>
    <message>
        <source>Shows the transport server&apos;s settings: the multicast range, ports, network profile and slow-client policy.</source>
        <translation>Affiche les réglages du serveur de transport : la plage multicast, les ports, le profil réseau et la politique des clients lents.</translation>
    </message>
    <message>
        <source>Config: the settings.</source>
        <translation>Config : les réglages.</translation>
    </message>
    <message>
        <source>Sets the transport server&apos;s settings: where new transmissions take their multicast group and port, their network profile, and the slow-client policy. Transmissions that exist keep theirs.</source>
        <translation>Règle le serveur de transport : où les nouvelles transmissions prennent leur groupe multicast et leur port, leur profil réseau, et la politique des clients lents. Les transmissions existantes gardent les leurs.</translation>
    </message>
    <message>
        <source>Say more: the server reached, each request sent and how long it took (on standard error, so /Format:Json stays clean).</source>
        <translation>En dire plus : le serveur joint, chaque requête envoyée et sa durée (sur la sortie d&apos;erreur, pour que /Format:Json reste propre).</translation>
    </message>
    <message>
        <source>Show progress of long operations on standard error.</source>
        <translation>Afficher la progression des opérations longues sur la sortie d&apos;erreur.</translation>
    </message>
    <message>
        <source>Network profile</source>
        <translation>Profil réseau</translation>
    </message>
    <message>
        <source>Multicast range</source>
        <translation>Plage multicast</translation>
    </message>
    <message>
        <source>UDP port range</source>
        <translation>Plage de ports UDP</translation>
    </message>
    <message>
        <source>Transport server of %1:</source>
        <translation>Serveur de transport de %1 :</translation>
    </message>
    <message>
        <source>Multicast interface</source>
        <translation>Interface multicast</translation>
    </message>
    <message>
        <source>The image group&apos;s name.</source>
        <translation>Le nom du groupe d&apos;images.</translation>
    </message>
    <message>
        <source>Show every image in full.</source>
        <translation>Afficher chaque image en entier.</translation>
    </message>
    <message>
        <source>Install: an image that goes on a disk, kept in an image group. Boot: an image machines boot to install, kept per architecture.</source>
        <translation>Install : une image qui va sur un disque, rangée dans un groupe d&apos;images. Boot : une image que les machines démarrent pour installer, rangée par architecture.</translation>
    </message>
    <message>
        <source>The image&apos;s name in the catalog.</source>
        <translation>Le nom de l&apos;image dans le catalogue.</translation>
    </message>
    <message>
        <source>An unattend file (at most 512 KiB) to keep with the image, read on this machine.</source>
        <translation>Un fichier de réponses (512 Kio au plus) à garder avec l&apos;image, lu sur cette machine.</translation>
    </message>
    <message>
        <source>The image file on this machine: a raw disk image. It is copied into the server&apos;s image store.</source>
        <translation>Le fichier image sur cette machine : une image disque brute. Il est copié dans le magasin d&apos;images du serveur.</translation>
    </message>
    <message>
        <source>Adds an image group: a folder of install images.</source>
        <translation>Ajoute un groupe d&apos;images : un dossier d&apos;images d&apos;installation.</translation>
    </message>
    <message>
        <source>Removes an empty image group.</source>
        <translation>Supprime un groupe d&apos;images vide.</translation>
    </message>
    <message>
        <source>Shows an image group and its images.</source>
        <translation>Affiche un groupe d&apos;images et ses images.</translation>
    </message>
    <message>
        <source>Shows every image group.</source>
        <translation>Affiche tous les groupes d&apos;images.</translation>
    </message>
    <message>
        <source>Adds an image to the catalog, copying its file into the server&apos;s image store.</source>
        <translation>Ajoute une image au catalogue, en copiant son fichier dans le magasin d&apos;images du serveur.</translation>
    </message>
    <message>
        <source>The image&apos;s architecture (default x64).</source>
        <translation>L&apos;architecture de l&apos;image (x64 par défaut).</translation>
    </message>
    <message>
        <source>Which image of a multi-image file to take; a raw disk image holds one, so it is that one.</source>
        <translation>Quelle image prendre d&apos;un fichier à plusieurs images ; une image disque brute n&apos;en contient qu&apos;une, c&apos;est donc celle-là.</translation>
    </message>
    <message>
        <source>The image&apos;s name (default: the file&apos;s name without its extension).</source>
        <translation>Le nom de l&apos;image (par défaut : le nom du fichier sans son extension).</translation>
    </message>
    <message>
        <source>The file name in the store (default: the image file&apos;s).</source>
        <translation>Le nom du fichier dans le magasin (par défaut : celui du fichier image).</translation>
    </message>
    <message>
        <source>Do not check the copy&apos;s SHA-256 against the file&apos;s.</source>
        <translation>Ne pas comparer le SHA-256 de la copie à celui du fichier.</translation>
    </message>
    <message>
        <source>Shows one image.</source>
        <translation>Affiche une image.</translation>
    </message>
    <message>
        <source>Shows the images in the catalog.</source>
        <translation>Affiche les images du catalogue.</translation>
    </message>
    <message>
        <source>Boot or Install: images of that type; All: both. LegacyOneStep (RIS images) is always empty.</source>
        <translation>Boot ou Install : les images de ce type ; All : les deux. LegacyOneStep (images RIS) est toujours vide.</translation>
    </message>
    <message>
        <source>Changes an image&apos;s name, description, user filter, unattend file, or whether it is enabled.</source>
        <translation>Change le nom, la description, le filtre d&apos;utilisateurs, le fichier de réponses d&apos;une image, ou si elle est activée.</translation>
    </message>
    <message>
        <source>The image&apos;s new name.</source>
        <translation>Le nouveau nom de l&apos;image.</translation>
    </message>
    <message>
        <source>The image&apos;s new description.</source>
        <translation>La nouvelle description de l&apos;image.</translation>
    </message>
    <message>
        <source>Who may see the image, as WDS writes it; kept and shown, not yet enforced.</source>
        <translation>Qui peut voir l&apos;image, écrit comme dans WDS ; gardé et affiché, pas encore appliqué.</translation>
    </message>
    <message>
        <source>No: the image takes no new transmission.</source>
        <translation>No : l&apos;image ne prend plus de nouvelle transmission.</translation>
    </message>
    <message>
        <source>Yes: replace an unattend file the image has already.</source>
        <translation>Yes : remplacer le fichier de réponses que l&apos;image a déjà.</translation>
    </message>
    <message>
        <source>Replaces an image&apos;s file with another, keeping its place in the catalog.</source>
        <translation>Remplace le fichier d&apos;une image par un autre, en gardant sa place dans le catalogue.</translation>
    </message>
    <message>
        <source>The replacement follows.</source>
        <translation>Le remplaçant suit.</translation>
    </message>
    <message>
        <source>Which image of a multi-image file to take (as /SingleImage).</source>
        <translation>Quelle image prendre d&apos;un fichier à plusieurs images (comme /SingleImage).</translation>
    </message>
    <message>
        <source>The file name in the store: must stay the same in this version.</source>
        <translation>Le nom du fichier dans le magasin : il doit rester le même dans cette version.</translation>
    </message>
    <message>
        <source>Removes an image from the catalog and its file from the image store.</source>
        <translation>Supprime une image du catalogue et son fichier du magasin d&apos;images.</translation>
    </message>
    <message>
        <source>/%1 goes after its section&apos;s flag (see /%2 /?)</source>
        <translation>/%1 se place après l&apos;option de sa section (voir /%2 /?)</translation>
    </message>
    <message>
        <source>(after /%1) </source>
        <translation>(après /%1) </translation>
    </message>
    <message>
        <source>Shows the server&apos;s configuration and images.</source>
        <translation>Affiche la configuration et les images du serveur.</translation>
    </message>
    <message>
        <source>Config: the server&apos;s configuration. Images: its image catalog. All: both. Snapshot: everything a console sees (sessions and clients), for recording; with /Format:Cbor it is written as the protocol&apos;s own CBOR, which deploycast-console --replay reads.</source>
        <translation>Config : la configuration du serveur. Images : son catalogue d&apos;images. All : les deux. Snapshot : tout ce que voit une console (sessions et clients), pour l&apos;enregistrer ; avec /Format:Cbor, il est écrit dans le CBOR du protocole, que lit deploycast-console --replay.</translation>
    </message>
    <message>
        <source>With Images or All: every image in full.</source>
        <translation>Avec Images ou All : chaque image en entier.</translation>
    </message>
    <message>
        <source>Shows every server this user&apos;s command line and console know (pinned in known_hosts), and /Server.</source>
        <translation>Affiche chaque serveur que la ligne de commande et la console de cet utilisateur connaissent (épinglés dans known_hosts), et /Server.</translation>
    </message>
    <message>
        <source>Config: each server&apos;s configuration. Images: its images. All: both.</source>
        <translation>Config : la configuration de chaque serveur. Images : ses images. All : les deux.</translation>
    </message>
    <message>
        <source>WDS looks in the whole Active Directory forest; Deploycast knows no directory, so both mean the servers known here.</source>
        <translation>WDS cherche dans toute la forêt Active Directory ; Deploycast ne connaît pas d&apos;annuaire, les deux valeurs désignent donc les serveurs connus ici.</translation>
    </message>
    <message>
        <source>Starts the transport server: multicast transmissions and namespaces send again.</source>
        <translation>Démarre le serveur de transport : les transmissions multicast et les espaces de noms émettent de nouveau.</translation>
    </message>
    <message>
        <source>Stops the transport server: nothing is multicast and new clients wait until it starts; the process and its management port stay up.</source>
        <translation>Arrête le serveur de transport : plus rien n&apos;est diffusé et les nouveaux clients attendent qu&apos;il démarre ; le processus et son port de gestion restent actifs.</translation>
    </message>
    <message>
        <source>Enables the transport server, so that it can be started (and is, at the server&apos;s next start).</source>
        <translation>Active le serveur de transport, pour qu&apos;il puisse démarrer (et qu&apos;il démarre au prochain lancement du serveur).</translation>
    </message>
    <message>
        <source>Disables and stops the transport server; it stays stopped across restarts until enabled.</source>
        <translation>Désactive et arrête le serveur de transport ; il reste arrêté, même après un redémarrage, jusqu&apos;à ce qu&apos;il soit activé.</translation>
    </message>
    <message>
        <source>Starts the server&apos;s services: multicast transmissions and namespaces send again.</source>
        <translation>Démarre les services du serveur : les transmissions multicast et les espaces de noms émettent de nouveau.</translation>
    </message>
    <message>
        <source>Stops the server&apos;s services (multicast transmissions and namespaces) without ending the process.</source>
        <translation>Arrête les services du serveur (transmissions multicast et espaces de noms) sans arrêter le processus.</translation>
    </message>
    <message>
        <source>The transmission&apos;s friendly name (a Deploycast extension: WDSUTIL names a transmission by its image).</source>
        <translation>Le nom convivial de la transmission (une extension de Deploycast : WDSUTIL désigne une transmission par son image).</translation>
    </message>
    <message>
        <source>The name of the transmission&apos;s image in the catalog, with /ImageType.</source>
        <translation>Le nom de l&apos;image de la transmission dans le catalogue, avec /ImageType.</translation>
    </message>
    <message>
        <source>Shows one multicast transmission, named by its image or its friendly name.</source>
        <translation>Affiche une transmission multicast, désignée par son image ou son nom convivial.</translation>
    </message>
    <message>
        <source>Boot or Install: only transmissions of that type of image; All (the default): every one; Clients: every one, with its clients.</source>
        <translation>Boot ou Install : seulement les transmissions de ce type d&apos;image ; All (par défaut) : toutes ; Clients : toutes, avec leurs clients.</translation>
    </message>
    <message>
        <source>Creates the multicast transmission of an image: one per image, as in WDS.</source>
        <translation>Crée la transmission multicast d&apos;une image : une par image, comme dans WDS.</translation>
    </message>
    <message>
        <source>The transmission&apos;s friendly name.</source>
        <translation>Le nom convivial de la transmission.</translation>
    </message>
    <message>
        <source>With /ImageType: the image&apos;s name in the catalog. Without it, a file&apos;s path in the image store (a Deploycast extension); paths that leave the store are refused.</source>
        <translation>Avec /ImageType : le nom de l&apos;image dans le catalogue. Sans, le chemin d&apos;un fichier dans le magasin d&apos;images (une extension de Deploycast) ; les chemins qui sortent du magasin sont refusés.</translation>
    </message>
    <message>
        <source>Default lists the namespaces; ActiveOnly only those now sending; All and Clients add their clients.</source>
        <translation>Default liste les espaces de noms ; ActiveOnly seulement ceux qui émettent ; All et Clients ajoutent leurs clients.</translation>
    </message>
    <message>
        <source>Leave out namespaces that are being removed (Deactivated).</source>
        <translation>Omettre les espaces de noms en cours de suppression (désactivés).</translation>
    </message>
    <message>
        <source>Clients: also list the connected clients.</source>
        <translation>Clients : lister aussi les clients connectés.</translation>
    </message>
    <message>
        <source>The image&apos;s type, with /Image.</source>
        <translation>Le type de l&apos;image, avec /Image.</translation>
    </message>
    <message>
        <source>Install images: the image&apos;s group, when the name is in several.</source>
        <translation>Images d&apos;installation : le groupe de l&apos;image, quand le nom est dans plusieurs.</translation>
    </message>
    <message>
        <source>Boot images: the image&apos;s architecture, when the name is in several.</source>
        <translation>Images de démarrage : l&apos;architecture de l&apos;image, quand le nom est dans plusieurs.</translation>
    </message>
    <message>
        <source>The image&apos;s file name, when the name is in several files.</source>
        <translation>Le nom du fichier de l&apos;image, quand le nom est dans plusieurs fichiers.</translation>
    </message>
    <message>
        <source>Catalog image</source>
        <translation>Image du catalogue</translation>
    </message>
    <message>
        <source>%1 (install image, group %2, file %3)</source>
        <translation>%1 (image d&apos;installation, groupe %2, fichier %3)</translation>
    </message>
    <message>
        <source>%1 (boot image, %2, file %3)</source>
        <translation>%1 (image de démarrage, %2, fichier %3)</translation>
    </message>
    <message>
        <source>Image: %1</source>
        <translation>Image : %1</translation>
    </message>
    <message>
        <source>Image group</source>
        <translation>Groupe d&apos;images</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architecture</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Nom du fichier</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Activée</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Transmission</source>
        <translation>Transmission</translation>
    </message>
    <message>
        <source>Path in the store</source>
        <translation>Chemin dans le magasin</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créée</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Modifiée</translation>
    </message>
    <message>
        <source>User filter</source>
        <translation>Filtre d&apos;utilisateurs</translation>
    </message>
    <message>
        <source>Unattend file</source>
        <translation>Fichier de réponses</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 octets</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En marche</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <source>Renames an image group (its folder in the store too), or sets its security descriptor.</source>
        <translation>Renomme un groupe d&apos;images (son dossier dans le magasin aussi), ou règle son descripteur de sécurité.</translation>
    </message>
    <message>
        <source>The group&apos;s new name.</source>
        <translation>Le nouveau nom du groupe.</translation>
    </message>
    <message>
        <source>Who may use the group, as WDS writes it; kept and shown, not yet enforced.</source>
        <translation>Qui peut utiliser le groupe, écrit comme dans WDS ; gardé et affiché, pas encore appliqué.</translation>
    </message>
    <message>
        <source>Copies an install image into a new image of the same image group, on the server. To copy into another group, /Export-Image it, then /Add-Image the file.</source>
        <translation>Copie une image d&apos;installation dans une nouvelle image du même groupe d&apos;images, sur le serveur. Pour la copier dans un autre groupe, exportez-la avec /Export-Image, puis ajoutez le fichier avec /Add-Image.</translation>
    </message>
    <message>
        <source>The copy follows.</source>
        <translation>La copie suit.</translation>
    </message>
    <message>
        <source>The copy&apos;s name.</source>
        <translation>Le nom de la copie.</translation>
    </message>
    <message>
        <source>The copy&apos;s file name in the store.</source>
        <translation>Le nom de fichier de la copie dans le magasin.</translation>
    </message>
    <message>
        <source>The copy&apos;s description.</source>
        <translation>La description de la copie.</translation>
    </message>
    <message>
        <source>Writes an image&apos;s file from the server to a file on this machine, verified, without changing the catalog.</source>
        <translation>Écrit le fichier d&apos;une image du serveur dans un fichier de cette machine, vérifié, sans modifier le catalogue.</translation>
    </message>
    <message>
        <source>The file to write follows.</source>
        <translation>Le fichier à écrire suit.</translation>
    </message>
    <message>
        <source>The file to write on this machine. A Windows path from a WDS script is a file name here.</source>
        <translation>Le fichier à écrire sur cette machine. Un chemin Windows venu d&apos;un script WDS est ici un nom de fichier.</translation>
    </message>
    <message>
        <source>The exported image&apos;s name: shown, since a raw disk image has no place to keep it.</source>
        <translation>Le nom de l&apos;image exportée : affiché, car une image disque brute n&apos;a pas où le garder.</translation>
    </message>
    <message>
        <source>Likewise, its description.</source>
        <translation>De même, sa description.</translation>
    </message>
    <message>
        <source>What to do if the file exists: No (the default) refuses, Yes replaces it. Append adds to WIM files; a raw disk image holds one image, so it is refused if the file exists.</source>
        <translation>Que faire si le fichier existe : No (par défaut) refuse, Yes le remplace. Append ajoute aux fichiers WIM ; une image disque brute contient une seule image, donc Append est refusé si le fichier existe.</translation>
    </message>
    <message>
        <source>Enables the server&apos;s services (multicast transmissions and namespaces); /Start-Server starts them.</source>
        <translation>Active les services du serveur (transmissions multicast et espaces de noms) ; /Start-Server les démarre.</translation>
    </message>
    <message>
        <source>Disables and stops the server&apos;s services; they stay stopped across restarts until enabled. The management API stays up, so /Enable-Server can reach it.</source>
        <translation>Désactive et arrête les services du serveur ; ils restent arrêtés après un redémarrage jusqu&apos;à leur activation. L&apos;API de gestion reste disponible, pour que /Enable-Server puisse l&apos;atteindre.</translation>
    </message>
    <message>
        <source>Range: new transmissions of a server that multicasts on an IPv6 interface take their group from /Start to /End, two addresses that differ only in their last 32 bits.</source>
        <translation>Range : les nouvelles transmissions d&apos;un serveur qui diffuse sur une interface IPv6 prennent leur groupe de /Start à /End, deux adresses qui ne diffèrent que par leurs 32 derniers bits.</translation>
    </message>
    <message>
        <source>With /ObtainIpv4From:Range or /ObtainIpv6From:Range: the first multicast address, e.g. 239.0.0.1 or ff15::1.</source>
        <translation>Avec /ObtainIpv4From:Range ou /ObtainIpv6From:Range : la première adresse multicast, par exemple 239.0.0.1 ou ff15::1.</translation>
    </message>
    <message>
        <source>With /ObtainIpv4From:Range or /ObtainIpv6From:Range: the last multicast address.</source>
        <translation>Avec /ObtainIpv4From:Range ou /ObtainIpv6From:Range : la dernière adresse multicast.</translation>
    </message>
    <message>
        <source>IPv6 multicast range</source>
        <translation>Plage multicast IPv6</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Listening on</source>
        <translation>À l&apos;écoute sur</translation>
    </message>
    <message>
        <source>Image store</source>
        <translation>Magasin d&apos;images</translation>
    </message>
    <message>
        <source>State directory</source>
        <translation>Dossier d&apos;état</translation>
    </message>
    <message>
        <source>Transmissions</source>
        <translation>Transmissions</translation>
    </message>
    <message>
        <source>Namespaces</source>
        <translation>Espaces de noms</translation>
    </message>
    <message>
        <source>Shows what became of clients and transmissions: completed by multicast or unicast, fell back, failed, forced, moved, disconnected by the slow-client policy, left; transmissions started, finished and removed. The server keeps the last 10,000 entries across restarts (a Deploycast extension).</source>
        <translation>Montre ce que sont devenus les clients et les transmissions : terminé en multicast ou en unicast, replié, échoué, forcé, déplacé, déconnecté par la stratégie des clients lents, parti ; transmissions démarrées, terminées et supprimées. Le serveur garde les 10 000 dernières entrées d&apos;un redémarrage à l&apos;autre (une extension de Deploycast).</translation>
    </message>
    <message>
        <source>The last n entries, 1 to 1000 (default 50).</source>
        <translation>Les n dernières entrées, de 1 à 1000 (50 par défaut).</translation>
    </message>
    <message>
        <source>Only this client&apos;s entries.</source>
        <translation>Seulement les entrées de ce client.</translation>
    </message>
    <message>
        <source> in &apos;%1&apos;</source>
        <translation> dans « %1 »</translation>
    </message>
    <message>
        <source> by %1</source>
        <translation> en %1</translation>
    </message>
</context>
<context>
    <name>ClientTableModel</name>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>ConsoleText</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>%1 is not a recorded snapshot (deploycast /Get-Server /Show:Snapshot /Format:Cbor)</source>
        <translation>%1 n&apos;est pas un instantané enregistré (deploycast /Get-Server /Show:Snapshot /Format:Cbor)</translation>
    </message>
    <message>
        <source>Deploycast console: watch and steer multicast transmissions and their clients.</source>
        <translation>Console Deploycast : suivre et piloter les transmissions multicast et leurs clients.</translation>
    </message>
    <message>
        <source>Also watch this server for this run (repeatable).</source>
        <translation>Surveiller aussi ce serveur pendant cette session (répétable).</translation>
    </message>
    <message>
        <source>Select this tree node at start, e.g. &quot;127.0.0.1:7405/Multicast Transmissions/Lab&quot;, and put the keyboard focus in the client table.</source>
        <translation>Sélectionner ce nœud de l&apos;arbre au démarrage, p. ex. « 127.0.0.1:7405/Multicast Transmissions/Lab », et placer le focus du clavier dans le tableau des clients.</translation>
    </message>
    <message>
        <source>Show a recorded snapshot (deploycast /Get-Server /Show:Snapshot /Format:Cbor) instead of live servers.</source>
        <translation>Afficher un instantané enregistré (deploycast /Get-Server /Show:Snapshot /Format:Cbor) au lieu de serveurs en direct.</translation>
    </message>
    <message>
        <source>With --replay: show the server as if its connection had just dropped.</source>
        <translation>Avec --replay : afficher le serveur comme si sa connexion venait de tomber.</translation>
    </message>
    <message>
        <source>Wait for the data, render the window to FILE (PNG) and exit: 0 on success, 3 if the data did not arrive in time.</source>
        <translation>Attendre les données, rendre la fenêtre dans FICHIER (PNG) et quitter : 0 en cas de succès, 3 si les données ne sont pas arrivées à temps.</translation>
    </message>
    <message>
        <source>With --screenshot: select the client table&apos;s first N rows.</source>
        <translation>Avec --screenshot : sélectionner les N premières lignes du tableau des clients.</translation>
    </message>
    <message>
        <source>With --screenshot: how long to wait for the data (default 30).</source>
        <translation>Avec --screenshot : combien de temps attendre les données (30 par défaut).</translation>
    </message>
    <message>
        <source>The console&apos;s language: en or fr (default: the system&apos;s).</source>
        <translation>La langue de la console : en ou fr (par défaut, celle du système).</translation>
    </message>
    <message>
        <source>--size needs WIDTHxHEIGHT, e.g. 1366x768, not &apos;%1&apos;</source>
        <translation>--size demande LARGEURxHAUTEUR, p. ex. 1366x768, pas « %1 »</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>connexion refusée</translation>
    </message>
    <message>
        <source>--server %1: %2</source>
        <translation>--server %1 : %2</translation>
    </message>
    <message>
        <source>Window size (default: what fits the screen; 1366x768 with --screenshot).</source>
        <translation>Taille de la fenêtre (par défaut : ce qui tient à l&apos;écran ; 1366x768 avec --screenshot).</translation>
    </message>
    <message>
        <source>With --screenshot: open this over the window: disconnect, disconnect-force, transmission-properties or client-details.</source>
        <translation>Avec --screenshot : ouvrir ceci par-dessus la fenêtre : disconnect, disconnect-force, transmission-properties ou client-details.</translation>
    </message>
    <message>
        <source>Colours: system (default), light or dark (Fusion&apos;s, as the screenshots use).</source>
        <translation>Couleurs : system (par défaut), light ou dark (celles de Fusion, comme les captures).</translation>
    </message>
    <message>
        <source>--palette takes system, light or dark, not &apos;%1&apos;</source>
        <translation>--palette prend system, light ou dark, pas « %1 »</translation>
    </message>
    <message>
        <source>--dialog takes disconnect, disconnect-force, transmission-properties or client-details, not &apos;%1&apos;</source>
        <translation>--dialog prend disconnect, disconnect-force, transmission-properties ou client-details, pas « %1 »</translation>
    </message>
</context>
<context>
    <name>DisconnectSummary</name>
    <message numerus="yes">
        <source>%1: %2 (%n client(s) not disconnected)</source>
        <translation>
            <numerusform>%1 : %2 (%n client non déconnecté)</numerusform>
            <numerusform>%1 : %2 (%n clients non déconnectés)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n continuing by unicast</source>
        <translation>
            <numerusform>%n continue en unicast</numerusform>
            <numerusform>%n continuent en unicast</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed (no fallback)</source>
        <translation>
            <numerusform>%n en échec (sans repli)</numerusform>
            <numerusform>%n en échec (sans repli)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stopped with Force</source>
        <translation>
            <numerusform>%n arrêté de force</numerusform>
            <numerusform>%n arrêtés de force</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n had already left</source>
        <translation>
            <numerusform>%n était déjà parti</numerusform>
            <numerusform>%n étaient déjà partis</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not disconnected</source>
        <translation>
            <numerusform>%n non déconnecté</numerusform>
            <numerusform>%n non déconnectés</numerusform>
        </translation>
    </message>
    <message>
        <source>No client was disconnected.</source>
        <translation>Aucun client n&apos;a été déconnecté.</translation>
    </message>
</context>
<context>
    <name>DisplayNames</name>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Désactivée</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>receiving</source>
        <translation>réception</translation>
    </message>
    <message>
        <source>repairing</source>
        <translation>réparation</translation>
    </message>
    <message>
        <source>verifying</source>
        <translation>vérification</translation>
    </message>
    <message>
        <source>fast</source>
        <translation>rapide</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>moyen</translation>
    </message>
    <message>
        <source>slow</source>
        <translation>lent</translation>
    </message>
    <message>
        <source>Preparing (%1%)</source>
        <translation>Préparation (%1 %)</translation>
    </message>
    <message>
        <source>Image missing</source>
        <translation>Image absente</translation>
    </message>
    <message>
        <source>Waiting for interface</source>
        <translation>En attente de l’interface</translation>
    </message>
</context>
<context>
    <name>HistoryEvent</name>
    <message>
        <source>completed</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>fell back to unicast</source>
        <translation>replié en unicast</translation>
    </message>
    <message>
        <source>moved to a slower stream</source>
        <translation>déplacé vers un flux plus lent</translation>
    </message>
    <message>
        <source>failed (no fallback)</source>
        <translation>échec (sans repli)</translation>
    </message>
    <message>
        <source>forced</source>
        <translation>forcé</translation>
    </message>
    <message>
        <source>disconnected by policy</source>
        <translation>déconnecté par la stratégie</translation>
    </message>
    <message>
        <source>left</source>
        <translation>parti</translation>
    </message>
    <message>
        <source>transmission started</source>
        <translation>transmission démarrée</translation>
    </message>
    <message>
        <source>transmission finished</source>
        <translation>transmission terminée</translation>
    </message>
    <message>
        <source>transmission removed</source>
        <translation>transmission supprimée</translation>
    </message>
    <message>
        <source>server lost</source>
        <translation>serveur perdu</translation>
    </message>
    <message>
        <source>server back</source>
        <translation>serveur de retour</translation>
    </message>
    <message>
        <source>client %1 %2 (%3)</source>
        <translation>client %1 %2 (%3)</translation>
    </message>
    <message>
        <source>transmission &apos;%1&apos;</source>
        <translation>transmission « %1 »</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source> (unicast)</source>
        <translation> (unicast)</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>connexion…</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>connecté</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>refusé : %1</translation>
    </message>
    <message>
        <source> (%1 stream)</source>
        <translation> (flux %1)</translation>
    </message>
    <message>
        <source>completed by %1</source>
        <translation>terminé en %1</translation>
    </message>
    <message>
        <source>unicast</source>
        <translation>unicast</translation>
    </message>
    <message>
        <source>multicast</source>
        <translation>multicast</translation>
    </message>
    <message>
        <source>cannot resolve</source>
        <translation>nom introuvable</translation>
    </message>
    <message>
        <source>refused the connection</source>
        <translation>connexion refusée</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>injoignable</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>perdu</translation>
    </message>
    <message>
        <source>%1 (retrying in %2 s)</source>
        <translation>%1 (nouvel essai dans %2 s)</translation>
    </message>
    <message>
        <source>certificate changed: refused</source>
        <translation>certificat changé : refusé</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>Impossible d&apos;enregistrer %1 : %2</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
</context>
<context>
    <name>ServerMessage</name>
    <message>
        <source>an image&apos;s &apos;type&apos; must be Boot or Install</source>
        <translation>le &apos;type&apos; d&apos;une image doit être Boot ou Install</translation>
    </message>
    <message>
        <source>unknown architecture &apos;%1&apos; (x86, x64, ia64, arm, arm64)</source>
        <translation>architecture inconnue &apos;%1&apos; (x86, x64, ia64, arm, arm64)</translation>
    </message>
    <message>
        <source>&apos;kind&apos; must be Transmission or Namespace</source>
        <translation>&apos;kind&apos; doit être Transmission ou Namespace</translation>
    </message>
    <message>
        <source>&apos;type&apos; must be AutoCast or ScheduledCast</source>
        <translation>&apos;type&apos; doit être AutoCast ou ScheduledCast</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an ISO 8601 time</source>
        <translation>&apos;%1&apos; n&apos;est pas une heure ISO 8601</translation>
    </message>
    <message>
        <source>%1 must be an IPv4 multicast address from 224.0.1.0 to 239.255.255.255, not &apos;%2&apos;</source>
        <translation>%1 doit être une adresse multicast IPv4 de 224.0.1.0 à 239.255.255.255, et non &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1 must be a port from 1024 to 65535</source>
        <translation>%1 doit être un port de 1024 à 65535</translation>
    </message>
    <message>
        <source>an IPv6 range must lie within one /96: its two ends may differ only in their last 32 bits</source>
        <translation>une plage IPv6 doit tenir dans un /96 : ses deux bornes ne peuvent différer que par leurs 32 derniers bits</translation>
    </message>
    <message>
        <source>the start address comes after the end address</source>
        <translation>l&apos;adresse de début vient après l&apos;adresse de fin</translation>
    </message>
    <message>
        <source>a range needs at least %1 addresses, one per Multistream stream</source>
        <translation>une plage demande au moins %1 adresses, une par flux Multistream</translation>
    </message>
    <message>
        <source>the start %1 comes after the end %1</source>
        <translation>le début (%1) vient après la fin (%1)</translation>
    </message>
    <message>
        <source>&apos;profile&apos; must be 10Mbps, 100Mbps, 1Gbps or Custom</source>
        <translation>&apos;profile&apos; doit être 10Mbps, 100Mbps, 1Gbps ou Custom</translation>
    </message>
    <message>
        <source>&apos;image&apos; must name an image (type, name, group or architecture, fileName)</source>
        <translation>&apos;image&apos; doit désigner une image (type, nom, groupe ou architecture, nom de fichier)</translation>
    </message>
    <message>
        <source>there is no image group &apos;%1&apos;</source>
        <translation>il n&apos;y a pas de groupe d&apos;images &apos;%1&apos;</translation>
    </message>
    <message>
        <source>nothing to change: give &apos;newName&apos; or &apos;security&apos;</source>
        <translation>rien à modifier : donnez &apos;newName&apos; ou &apos;security&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; serves %2 of this group: remove it before renaming the group</source>
        <translation>&apos;%1&apos; sert %2 de ce groupe : supprimez-la avant de renommer le groupe</translation>
    </message>
    <message>
        <source>&apos;type&apos; must be Boot or Install</source>
        <translation>&apos;type&apos; doit être Boot ou Install</translation>
    </message>
    <message>
        <source>a description must be at most 1024 characters, without control characters</source>
        <translation>une description doit compter au plus 1024 caractères, sans caractères de contrôle</translation>
    </message>
    <message>
        <source>&apos;unattend&apos; must be the file&apos;s bytes</source>
        <translation>&apos;unattend&apos; doit être le contenu du fichier</translation>
    </message>
    <message>
        <source>the %1 has an unattend file already: give /OverwriteUnattend:Yes to replace it</source>
        <translation>%1 a déjà un fichier unattend : donnez /OverwriteUnattend:Yes pour le remplacer</translation>
    </message>
    <message>
        <source>the %1 is served by &apos;%2&apos;: remove it first</source>
        <translation>%1 est servie par &apos;%2&apos; : supprimez-la d&apos;abord</translation>
    </message>
    <message>
        <source>this connection is already sending an image</source>
        <translation>cette connexion envoie déjà une image</translation>
    </message>
    <message>
        <source>a copy makes a new image; it replaces none</source>
        <translation>une copie crée une nouvelle image ; elle n&apos;en remplace aucune</translation>
    </message>
    <message>
        <source>a replacement keeps the image&apos;s file name (%1) in this version</source>
        <translation>un remplacement garde le nom de fichier de l&apos;image (%1) dans cette version</translation>
    </message>
    <message>
        <source>the image store already has %1: choose another /Filename, or /Replace-Image it</source>
        <translation>le magasin d&apos;images contient déjà %1 : choisissez un autre /Filename, ou remplacez-la avec /Replace-Image</translation>
    </message>
    <message>
        <source>no image is being sent on this connection (beginImageUpload first)</source>
        <translation>aucune image n&apos;est en cours d&apos;envoi sur cette connexion (beginImageUpload d&apos;abord)</translation>
    </message>
    <message>
        <source>a piece may hold at most %1 bytes</source>
        <translation>un morceau peut contenir au plus %1 octets</translation>
    </message>
    <message>
        <source>&apos;copyOf&apos; must name the image to copy</source>
        <translation>&apos;copyOf&apos; doit désigner l&apos;image à copier</translation>
    </message>
    <message>
        <source>/Copy-Image copies install images</source>
        <translation>/Copy-Image copie les images d&apos;installation</translation>
    </message>
    <message>
        <source>a copy stays in its image group (%1); to copy into another, /Export-Image and then /Add-Image</source>
        <translation>une copie reste dans son groupe d&apos;images (%1) ; pour copier dans un autre, utilisez /Export-Image puis /Add-Image</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>no image is being copied on this connection (beginImageUpload with copyOf first)</source>
        <translation>aucune image n&apos;est en cours de copie sur cette connexion (beginImageUpload avec copyOf d&apos;abord)</translation>
    </message>
    <message>
        <source>cannot read %1 (%2): it is shorter than when the copy began</source>
        <translation>impossible de lire %1 (%2) : il est plus court qu&apos;au début de la copie</translation>
    </message>
    <message>
        <source>&apos;offset&apos; must be from 0 to the image&apos;s size (%1), &apos;length&apos; above 0</source>
        <translation>&apos;offset&apos; doit aller de 0 à la taille de l&apos;image (%1), &apos;length&apos; être supérieur à 0</translation>
    </message>
    <message>
        <source>no image is being sent on this connection</source>
        <translation>aucune image n&apos;est en cours d&apos;envoi sur cette connexion</translation>
    </message>
    <message>
        <source>%1 changed while it was being copied; nothing was added</source>
        <translation>%1 a changé pendant sa copie ; rien n&apos;a été ajouté</translation>
    </message>
    <message>
        <source>%1 was removed while it was being replaced</source>
        <translation>%1 a été supprimée pendant son remplacement</translation>
    </message>
    <message>
        <source>%1 was added meanwhile</source>
        <translation>%1 a été ajoutée entre-temps</translation>
    </message>
    <message>
        <source>%1 clients are receiving %2 (&apos;%3&apos;); replace it when they are done</source>
        <translation>%1 clients reçoivent %2 (&apos;%3&apos;) ; remplacez-la quand ils auront terminé</translation>
    </message>
    <message>
        <source>expected a request</source>
        <translation>une requête était attendue</translation>
    </message>
    <message>
        <source>unknown method &apos;%1&apos;</source>
        <translation>méthode inconnue &apos;%1&apos;</translation>
    </message>
    <message>
        <source>permission denied: viewers cannot call &apos;%1&apos;</source>
        <translation>permission refusée : les observateurs ne peuvent pas appeler &apos;%1&apos;</translation>
    </message>
    <message>
        <source>more than %1 parameters</source>
        <translation>plus de %1 paramètres</translation>
    </message>
    <message>
        <source>&apos;ids&apos; must list between 1 and 100000 client IDs</source>
        <translation>&apos;ids&apos; doit lister entre 1 et 100000 ID de clients</translation>
    </message>
    <message>
        <source>&apos;policy&apos; must be None, AutoDisconnect or Multistream</source>
        <translation>&apos;policy&apos; doit être None, AutoDisconnect ou Multistream</translation>
    </message>
    <message>
        <source>&apos;action&apos; must be start, stop, enable or disable</source>
        <translation>&apos;action&apos; doit être start, stop, enable ou disable</translation>
    </message>
    <message>
        <source>&apos;last&apos; cannot be negative</source>
        <translation>&apos;last&apos; ne peut pas être négatif</translation>
    </message>
    <message>
        <source>%1 is damaged (not a catalog); nothing was changed. Restore it from a backup, or move it aside: the images in the store then join a new catalog at start, install images in the groups of their folders.</source>
        <translation>%1 est endommagé (ce n&apos;est pas un catalogue) ; rien n&apos;a été modifié. Restaurez-le depuis une sauvegarde, ou mettez-le de côté : les images du magasin rejoignent alors un nouveau catalogue au démarrage, les images d&apos;installation dans les groupes de leurs dossiers.</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; must be 1 to 255 characters, without control characters, slashes or a leading dot</source>
        <translation>%1 &apos;%2&apos; doit compter de 1 à 255 caractères, sans caractères de contrôle, barres obliques ni point initial</translation>
    </message>
    <message>
        <source>the image group &apos;%1&apos; already exists</source>
        <translation>le groupe d&apos;images &apos;%1&apos; existe déjà</translation>
    </message>
    <message>
        <source>the image group &apos;%1&apos; still has %2 image(s); remove them first</source>
        <translation>le groupe d&apos;images &apos;%1&apos; contient encore %2 image(s) ; supprimez-les d&apos;abord</translation>
    </message>
    <message>
        <source>the image store already has Install/%1</source>
        <translation>le magasin d&apos;images contient déjà Install/%1</translation>
    </message>
    <message>
        <source>cannot rename %1 to %2</source>
        <translation>impossible de renommer %1 en %2</translation>
    </message>
    <message>
        <source>a user filter or security descriptor must be at most 4096 characters, without control characters</source>
        <translation>un filtre d&apos;utilisateurs ou un descripteur de sécurité doit compter au plus 4096 caractères, sans caractères de contrôle</translation>
    </message>
    <message>
        <source>there are %1 image groups (%2): say which with /ImageGroup</source>
        <translation>il y a %1 groupes d&apos;images (%2) : précisez lequel avec /ImageGroup</translation>
    </message>
    <message>
        <source>there is no %1</source>
        <translation>%1 n&apos;existe pas</translation>
    </message>
    <message>
        <source>%1 names %2 images (%3): add /ImageGroup, /Architecture or /Filename</source>
        <translation>%1 désigne %2 images (%3) : ajoutez /ImageGroup, /Architecture ou /Filename</translation>
    </message>
    <message>
        <source>the catalog already has an image at %1</source>
        <translation>le catalogue a déjà une image à %1</translation>
    </message>
    <message>
        <source>the catalog has no image at %1</source>
        <translation>le catalogue n&apos;a pas d&apos;image à %1</translation>
    </message>
    <message>
        <source>an unattend file may have at most %1 bytes</source>
        <translation>un fichier unattend peut compter au plus %1 octets</translation>
    </message>
    <message>
        <source>no image path given</source>
        <translation>aucun chemin d&apos;image donné</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is outside the image store %2</source>
        <translation>&apos;%1&apos; est hors du magasin d&apos;images %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; does not exist in the image store %2</source>
        <translation>&apos;%1&apos; n&apos;existe pas dans le magasin d&apos;images %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; resolves to %2, outside the image store %3</source>
        <translation>&apos;%1&apos; mène à %2, hors du magasin d&apos;images %3</translation>
    </message>
    <message>
        <source>an image must have a size above 0 bytes</source>
        <translation>une image doit avoir une taille supérieure à 0 octet</translation>
    </message>
    <message>
        <source>the image store %1 has %2 free (%3 of it promised to uploads under way); this image needs %4 (and %5 to spare)</source>
        <translation>le magasin d&apos;images %1 a %2 de libre (dont %3 promis aux envois en cours) ; cette image demande %4 (et %5 de marge)</translation>
    </message>
    <message>
        <source>cannot create %1: %2</source>
        <translation>impossible de créer %1 : %2</translation>
    </message>
    <message>
        <source>expected bytes from offset %1 up to the announced size %2</source>
        <translation>des octets étaient attendus de la position %1 jusqu&apos;à la taille annoncée %2</translation>
    </message>
    <message>
        <source>cannot write to the image store: %1</source>
        <translation>impossible d&apos;écrire dans le magasin d&apos;images : %1</translation>
    </message>
    <message>
        <source>the image is incomplete: %1 of %2 bytes</source>
        <translation>l&apos;image est incomplète : %1 octets sur %2</translation>
    </message>
    <message>
        <source>the image arrived damaged: SHA-256 %1, not %2 as sent</source>
        <translation>l&apos;image est arrivée endommagée : SHA-256 %1, et non %2 comme envoyé</translation>
    </message>
    <message>
        <source>cannot create the folder of %1</source>
        <translation>impossible de créer le dossier de %1</translation>
    </message>
    <message>
        <source>%1 already exists in the image store</source>
        <translation>%1 existe déjà dans le magasin d&apos;images</translation>
    </message>
    <message>
        <source>cannot move the image to %1: %2</source>
        <translation>impossible de déplacer l&apos;image vers %1 : %2</translation>
    </message>
    <message>
        <source>the transport server is disabled: /Enable-TransportServer first</source>
        <translation>le serveur de transport est désactivé : /Enable-TransportServer d&apos;abord</translation>
    </message>
    <message>
        <source>a threshold of %1 KB/s is more than any link; the most is %2</source>
        <translation>un seuil de %1 Ko/s dépasse tout lien ; le maximum est %2</translation>
    </message>
    <message>
        <source>%1 needs a threshold above 0 KB/s</source>
        <translation>%1 demande un seuil supérieur à 0 Ko/s</translation>
    </message>
    <message>
        <source>Multistream needs a stream count of 2 or 3</source>
        <translation>Multistream demande 2 ou 3 flux</translation>
    </message>
    <message>
        <source>the %1 has no multicast transmission</source>
        <translation>%1 n&apos;a pas de transmission multicast</translation>
    </message>
    <message>
        <source>only a transmission is made from a catalog image</source>
        <translation>seule une transmission se crée à partir d&apos;une image du catalogue</translation>
    </message>
    <message>
        <source>the %1 is disabled</source>
        <translation>%1 est désactivée</translation>
    </message>
    <message>
        <source>the %1 already has a transmission, &apos;%2&apos;</source>
        <translation>%1 a déjà une transmission, &apos;%2&apos;</translation>
    </message>
    <message>
        <source>a %1 needs a name</source>
        <translation>un(e) %1 doit avoir un nom</translation>
    </message>
    <message>
        <source>names, descriptions and paths must be at most 1024 characters, none of them control characters (not &apos;%1&apos;)</source>
        <translation>les noms, descriptions et chemins doivent compter au plus 1024 caractères, sans caractères de contrôle (et non &apos;%1&apos;)</translation>
    </message>
    <message>
        <source>a %1 named &apos;%2&apos; already exists</source>
        <translation>un(e) %1 nommé(e) &apos;%2&apos; existe déjà</translation>
    </message>
    <message>
        <source>a start time and a client count go with a ScheduledCast only: an AutoCast starts when its first client joins</source>
        <translation>une heure de début et un nombre de clients ne vont qu&apos;avec ScheduledCast : une AutoCast démarre quand son premier client la rejoint</translation>
    </message>
    <message>
        <source>the client count cannot be negative</source>
        <translation>le nombre de clients ne peut pas être négatif</translation>
    </message>
    <message>
        <source>the &apos;file&apos; content provider needs a config string (/ConfigString): the file&apos;s path in the image store</source>
        <translation>le fournisseur de contenu &apos;file&apos; demande une chaîne de configuration (/ConfigString) : le chemin du fichier ou du dossier dans le magasin d&apos;images</translation>
    </message>
    <message>
        <source>the content provider &apos;%1&apos; serves %2 and takes no config string</source>
        <translation>le fournisseur de contenu &apos;%1&apos; sert %2 et ne prend pas de chaîne de configuration</translation>
    </message>
    <message>
        <source>unknown content provider &apos;%1&apos; (this server has: %2)</source>
        <translation>fournisseur de contenu inconnu &apos;%1&apos; (ce serveur a : %2)</translation>
    </message>
    <message>
        <source>name the image (--image NAME)</source>
        <translation>nommez l&apos;image (--image NOM)</translation>
    </message>
    <message>
        <source>the %1 needs the join token of &apos;%2&apos; (--join-token)</source>
        <translation>%1 demande le jeton d&apos;adhésion de &apos;%2&apos; (--join-token)</translation>
    </message>
    <message>
        <source>the %1 is being prepared (%2% hashed)</source>
        <translation>%1 est en préparation (%2 % haché)</translation>
    </message>
    <message>
        <source>the file of the %1 is missing: %2</source>
        <translation>le fichier de %1 est manquant : %2</translation>
    </message>
    <message>
        <source>no %1 named &apos;%2&apos; on server %3</source>
        <translation>aucun(e) %1 nommé(e) &apos;%2&apos; sur le serveur %3</translation>
    </message>
    <message>
        <source>%1 must be an IPv6 multicast address (ff03:: to ff0e::, e.g. ff15::1), not &apos;%2&apos;</source>
        <translation>%1 doit être une adresse multicast IPv6 (ff03:: à ff0e::, par exemple ff15::1), et non &apos;%2&apos;</translation>
    </message>
    <message>
        <source>more than %1 messages a second for %2 s</source>
        <translation>plus de %1 messages par seconde pendant %2 s</translation>
    </message>
    <message>
        <source>more than 128 MiB waited to be sent</source>
        <translation>plus de 128 Mio attendaient d&apos;être envoyés</translation>
    </message>
    <message>
        <source>protocol error: %1</source>
        <translation>erreur de protocole : %1</translation>
    </message>
    <message>
        <source>not reading: %1 bytes waited %2 s for it</source>
        <translation>ne lit pas : %1 octets l&apos;ont attendu %2 s</translation>
    </message>
    <message>
        <source>nothing received for %1 s</source>
        <translation>rien reçu depuis %1 s</translation>
    </message>
    <message>
        <source>no hello in time: the server is busy</source>
        <translation>pas de hello à temps : le serveur est occupé</translation>
    </message>
    <message>
        <source>dropped: more than 16 MiB of updates were waiting to be read</source>
        <translation>abandonné : plus de 16 Mio de mises à jour attendaient d&apos;être lues</translation>
    </message>
    <message>
        <source>a receiver connection cannot call &apos;%1&apos;</source>
        <translation>une connexion de récepteur ne peut pas appeler &apos;%1&apos;</translation>
    </message>
    <message>
        <source>kind must be Transmission or Namespace</source>
        <translation>kind doit être Transmission ou Namespace</translation>
    </message>
    <message>
        <source>the transport server is stopped (deploycast /Start-TransportServer)</source>
        <translation>le serveur de transport est arrêté (deploycast /Start-TransportServer)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has stopped: %2</source>
        <translation>&apos;%1&apos; s&apos;est arrêtée : %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is being prepared (%2% hashed)</source>
        <translation>&apos;%1&apos; est en préparation (%2 % haché)</translation>
    </message>
    <message>
        <source>the image of &apos;%1&apos; is missing: %2</source>
        <translation>l&apos;image de &apos;%1&apos; est manquante : %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; waits for its multicast interface: %2</source>
        <translation>&apos;%1&apos; attend son interface multicast : %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is being removed and takes no new clients</source>
        <translation>&apos;%1&apos; est en cours de suppression et n&apos;accepte plus de clients</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has finished; start it again to take new clients</source>
        <translation>&apos;%1&apos; est terminée ; redémarrez-la pour accepter de nouveaux clients</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is AutoCast: it starts when a client joins</source>
        <translation>&apos;%1&apos; est en AutoCast : elle démarre quand un client la rejoint</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is being removed</source>
        <translation>&apos;%1&apos; est en cours de suppression</translation>
    </message>
    <message>
        <source>&apos;count&apos; must be 1 to %1, and &apos;before&apos; and &apos;clientId&apos; cannot be negative</source>
        <translation>« count » doit valoir de 1 à %1, et « before » et « clientId » ne peuvent pas être négatifs</translation>
    </message>
    <message>
        <source>moved to the %1 stream: %2</source>
        <translation>déplacé vers le flux %1 : %2</translation>
    </message>
    <message>
        <source>disconnected by the slow-client policy: %1</source>
        <translation>déconnecté par la stratégie des clients lents : %1</translation>
    </message>
    <message>
        <source>deactivated, and its last client has left</source>
        <translation>désactivée, et son dernier client est parti</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; was removed with Force</source>
        <translation>%1 « %2 » a été supprimé(e) de force</translation>
    </message>
    <message>
        <source>disconnected by an administrator with Force</source>
        <translation>déconnecté de force par un administrateur</translation>
    </message>
    <message>
        <source>disconnected by an administrator; finish by unicast</source>
        <translation>déconnecté par un administrateur ; terminer en unicast</translation>
    </message>
    <message>
        <source>disconnected by an administrator; this client cannot fall back</source>
        <translation>déconnecté par un administrateur ; ce client ne peut pas se replier</translation>
    </message>
    <message>
        <source>the server stopped</source>
        <translation>le serveur s&apos;est arrêté</translation>
    </message>
    <message>
        <source>&apos;%1&apos; stopped: %2</source>
        <translation>« %1 » arrêtée : %2</translation>
    </message>
</context>
<context>
    <name>deploycast::ActivityDock</name>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Export History</source>
        <translation>Exporter l&apos;historique</translation>
    </message>
</context>
<context>
    <name>deploycast::ActivityModel</name>
    <message>
        <source>completed by unicast</source>
        <translation>terminé en unicast</translation>
    </message>
    <message>
        <source>completed by multicast</source>
        <translation>terminé en multicast</translation>
    </message>
    <message>
        <source>%1 in &apos;%2&apos;</source>
        <translation>%1 dans « %2 »</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Client or transmission</source>
        <translation>Client ou transmission</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
</context>
<context>
    <name>deploycast::ClientDetailsView</name>
    <message>
        <source>Select a client to see its details.</source>
        <translation>Sélectionnez un client pour voir ses détails.</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>État :</translation>
    </message>
    <message>
        <source>Progress:</source>
        <translation>Progression :</translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation>Débit :</translation>
    </message>
    <message>
        <source>Recent rate:</source>
        <translation>Débit récent :</translation>
    </message>
    <message>
        <source>Time left:</source>
        <translation>Temps restant :</translation>
    </message>
    <message>
        <source>Repairs:</source>
        <translation>Réparations :</translation>
    </message>
    <message>
        <source>Fallback:</source>
        <translation>Repli :</translation>
    </message>
    <message>
        <source>%1 (ID %2)</source>
        <translation>%1 (ID %2)</translation>
    </message>
    <message>
        <source>%1% — %2</source>
        <translation>%1 % — %2</translation>
    </message>
    <message>
        <source>(left)</source>
        <translation>(parti)</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnue</translation>
    </message>
    <message>
        <source>CPU %1%, memory %2%, network %3%</source>
        <translation>CPU %1 %, mémoire %2 %, réseau %3 %</translation>
    </message>
    <message>
        <source>Transmission:</source>
        <translation>Transmission :</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Serveur :</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Méthode :</translation>
    </message>
    <message>
        <source>IP address:</source>
        <translation>Adresse IP :</translation>
    </message>
    <message>
        <source>MAC address:</source>
        <translation>Adresse MAC :</translation>
    </message>
    <message>
        <source>Host load:</source>
        <translation>Charge de l&apos;hôte :</translation>
    </message>
    <message>
        <source>Joined:</source>
        <translation>Arrivé :</translation>
    </message>
    <message>
        <source>Connected for:</source>
        <translation>Connecté depuis :</translation>
    </message>
    <message>
        <source>unicast</source>
        <translation>unicast</translation>
    </message>
    <message>
        <source>multicast</source>
        <translation>multicast</translation>
    </message>
    <message>
        <source>multicast, %1 stream</source>
        <translation>multicast, flux %1</translation>
    </message>
    <message>
        <source>%1 blocks sent again</source>
        <translation>%1 blocs renvoyés</translation>
    </message>
    <message>
        <source>%1, left %2</source>
        <translation>%1, parti le %2</translation>
    </message>
    <message>
        <source>supported</source>
        <translation>pris en charge</translation>
    </message>
    <message>
        <source>not supported: it fails if disconnected</source>
        <translation>non pris en charge : il échoue s&apos;il est déconnecté</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>Pourquoi : %1</translation>
    </message>
</context>
<context>
    <name>deploycast::ClientTableModel</name>
    <message>
        <source>The connection to %1 is down; this row shows its last known state.</source>
        <translation>La connexion à %1 est coupée ; cette ligne montre son dernier état connu.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>Adresse IP</translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation>Adresse MAC</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Transfer rate</source>
        <translation>Débit</translation>
    </message>
    <message>
        <source>Time connected</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Transmission</source>
        <translation>Transmission</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Left the server at %1.</source>
        <translation>A quitté le serveur le %1.</translation>
    </message>
    <message>
        <source>Left the server at %1: %2</source>
        <translation>A quitté le serveur le %1 : %2</translation>
    </message>
    <message numerus="yes">
        <source>No progress for %n second(s) or more.</source>
        <translation>
            <numerusform>Aucune progression depuis %n seconde ou plus.</numerusform>
            <numerusform>Aucune progression depuis %n secondes ou plus.</numerusform>
        </translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Restant</translation>
    </message>
</context>
<context>
    <name>deploycast::ConsoleActions</name>
    <message>
        <source>&amp;Disconnect…</source>
        <translation>&amp;Déconnecter…</translation>
    </message>
    <message>
        <source>Disconnect the selected clients; those that support it finish by unicast</source>
        <translation>Déconnecter les clients sélectionnés ; ceux qui l&apos;acceptent terminent en unicast</translation>
    </message>
    <message>
        <source>Disconnect with &amp;Force…</source>
        <translation>Déconnecter de &amp;force…</translation>
    </message>
    <message>
        <source>Stop the selected clients&apos; transfers at once, with no fallback</source>
        <translation>Arrêter immédiatement les transferts des clients sélectionnés, sans repli</translation>
    </message>
    <message>
        <source>Select &amp;All Clients</source>
        <translation>Sélectionner &amp;tous les clients</translation>
    </message>
    <message>
        <source>Select every client in the table</source>
        <translation>Sélectionner tous les clients du tableau</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Ask every server for a fresh snapshot</source>
        <translation>Redemander un instantané à chaque serveur</translation>
    </message>
    <message>
        <source>&amp;Filter Clients</source>
        <translation>&amp;Filtrer les clients</translation>
    </message>
    <message>
        <source>&amp;Add Server…</source>
        <translation>&amp;Ajouter un serveur…</translation>
    </message>
    <message>
        <source>Watch another server</source>
        <translation>Surveiller un autre serveur</translation>
    </message>
    <message>
        <source>Re&amp;move Server</source>
        <translation>&amp;Retirer le serveur</translation>
    </message>
    <message>
        <source>Stop watching the selected server</source>
        <translation>Ne plus surveiller le serveur sélectionné</translation>
    </message>
    <message>
        <source>&amp;New Multicast Transmission…</source>
        <translation>&amp;Nouvelle transmission…</translation>
    </message>
    <message>
        <source>Create a transmission on the selected server</source>
        <translation>Créer une transmission sur le serveur sélectionné</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Démarrer</translation>
    </message>
    <message>
        <source>Start the selected ScheduledCast transmission now</source>
        <translation>Démarrer maintenant la transmission ScheduledCast sélectionnée</translation>
    </message>
    <message>
        <source>De&amp;activate</source>
        <translation>Dés&amp;activer</translation>
    </message>
    <message>
        <source>Remove without Force: current clients finish, no new ones join</source>
        <translation>Supprimer sans Force : les clients en cours terminent, aucun nouveau ne se connecte</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Remove with Force: every client is stopped at once</source>
        <translation>Supprimer avec Force : tous les clients sont arrêtés immédiatement</translation>
    </message>
    <message>
        <source>&amp;Properties</source>
        <translation>&amp;Propriétés</translation>
    </message>
    <message>
        <source>Show the selected transmission&apos;s details</source>
        <translation>Afficher le détail de la transmission sélectionnée</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Close the console</source>
        <translation>Fermer la console</translation>
    </message>
    <message>
        <source>Server &amp;Properties…</source>
        <translation>&amp;Propriétés du serveur…</translation>
    </message>
    <message>
        <source>Show the selected server&apos;s configuration and set its slow-client policy</source>
        <translation>Afficher la configuration du serveur sélectionné et régler sa politique des clients lents</translation>
    </message>
    <message>
        <source>&amp;Copy Rows</source>
        <translation>&amp;Copier les lignes</translation>
    </message>
    <message>
        <source>Copy the selected rows as tab-separated text</source>
        <translation>Copier les lignes sélectionnées en texte séparé par des tabulations</translation>
    </message>
    <message>
        <source>Client &amp;Details</source>
        <translation>&amp;Détails du client</translation>
    </message>
    <message>
        <source>Show or hide the selected client&apos;s details: rate history, repairs, stream, addresses, times</source>
        <translation>Afficher ou masquer les détails du client sélectionné : historique du débit, réparations, flux, adresses, heures</translation>
    </message>
    <message>
        <source>Filter the client table by name, IP address, MAC address or ID; Escape clears it</source>
        <translation>Filtrer la table des clients par nom, adresse IP, adresse MAC ou ID ; Échap l&apos;efface</translation>
    </message>
    <message>
        <source>&amp;Activity</source>
        <translation>&amp;Activité</translation>
    </message>
    <message>
        <source>Show or hide what became of clients and transmissions</source>
        <translation>Afficher ou masquer ce que sont devenus les clients et les transmissions</translation>
    </message>
    <message>
        <source>&amp;Export Client Table…</source>
        <translation>&amp;Exporter la table des clients…</translation>
    </message>
    <message>
        <source>Save the client table as shown, as CSV or JSON</source>
        <translation>Enregistrer la table des clients telle qu&apos;affichée, en CSV ou JSON</translation>
    </message>
    <message>
        <source>Export &amp;History…</source>
        <translation>Exporter l&apos;&amp;historique…</translation>
    </message>
    <message>
        <source>Save the activity history as CSV or JSON</source>
        <translation>Enregistrer l&apos;historique d&apos;activité en CSV ou JSON</translation>
    </message>
    <message>
        <source>&amp;Documentation</source>
        <translation>&amp;Documentation</translation>
    </message>
    <message>
        <source>Open the console&apos;s documentation</source>
        <translation>Ouvrir la documentation de la console</translation>
    </message>
    <message>
        <source>&amp;About Deploycast</source>
        <translation>À &amp;propos de Deploycast</translation>
    </message>
    <message>
        <source>Version, licence and links</source>
        <translation>Version, licence et liens</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>deploycast::DisconnectDialog</name>
    <message>
        <source>Disconnect Clients</source>
        <translation>Déconnecter des clients</translation>
    </message>
    <message numerus="yes">
        <source>Disconnect %n client(s)?</source>
        <translation>
            <numerusform>Déconnecter %n client ?</numerusform>
            <numerusform>Déconnecter %n clients ?</numerusform>
        </translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>Adresse IP</translation>
    </message>
    <message>
        <source>&amp;Force</source>
        <translation>&amp;Forcer</translation>
    </message>
    <message>
        <source>&lt;b&gt;Warning:&lt;/b&gt; the installation stops at once, with no fallback. The computers may be left unusable until they are installed again.</source>
        <translation>&lt;b&gt;Attention :&lt;/b&gt; l&apos;installation s&apos;arrête immédiatement, sans repli. Les ordinateurs peuvent rester inutilisables jusqu&apos;à ce qu&apos;ils soient réinstallés.</translation>
    </message>
    <message>
        <source>Clients that support fallback continue by unicast from the server and finish their transfer. Clients that do not support it fail.</source>
        <translation>Les clients qui acceptent le repli continuent en unicast depuis le serveur et terminent leur transfert. Les autres échouent.</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Déconnecter</translation>
    </message>
    <message numerus="yes">
        <source>Disconnect %n client(s) in %1 transmissions?</source>
        <translation>
            <numerusform>Déconnecter %n client dans %1 transmissions ?</numerusform>
            <numerusform>Déconnecter %n clients dans %1 transmissions ?</numerusform>
        </translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Fallback</source>
        <translation>Repli</translation>
    </message>
    <message>
        <source>%1 — unicast fallback</source>
        <translation>%1 — repli unicast</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n client(s))</source>
        <translation>
            <numerusform>%1 (%n client)</numerusform>
            <numerusform>%1 (%n clients)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no — it fails</source>
        <translation>non — il échoue</translation>
    </message>
    <message numerus="yes">
        <source>%n of them cannot fall back and will fail.</source>
        <translation>
            <numerusform>%n d&apos;entre eux ne peut pas se replier et échouera.</numerusform>
            <numerusform>%n d&apos;entre eux ne peuvent pas se replier et échoueront.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Force disconnect %n client(s)</source>
        <translation>
            <numerusform>Forcer la déconnexion de %n client</numerusform>
            <numerusform>Forcer la déconnexion de %n clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Disconnect %n client(s)</source>
        <translation>
            <numerusform>Déconnecter %n client</numerusform>
            <numerusform>Déconnecter %n clients</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter does not confirm a Force disconnect: press “%1”.</source>
        <translation>Entrée ne confirme pas une déconnexion forcée : appuyez sur « %1 ».</translation>
    </message>
    <message>
        <source>These clients are in %1 transmissions, so Enter does not confirm: press “%2”.</source>
        <translation>Ces clients sont dans %1 transmissions, donc Entrée ne confirme pas : appuyez sur « %2 ».</translation>
    </message>
</context>
<context>
    <name>deploycast::ImageExporter</name>
    <message>
        <source>%1 exists, and a raw disk image holds one image: /Overwrite:Append adds images to WIM files; /Overwrite:Yes replaces the file</source>
        <translation>%1 existe, et une image disque brute contient une seule image : /Overwrite:Append ajoute des images aux fichiers WIM ; /Overwrite:Yes remplace le fichier</translation>
    </message>
    <message>
        <source>%1 exists; /Overwrite:Yes replaces it</source>
        <translation>%1 existe ; /Overwrite:Yes le remplace</translation>
    </message>
    <message>
        <source>%1 is a folder; name the file to write</source>
        <translation>%1 est un dossier ; nommez le fichier à écrire</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>the image changed on the server while it was exported; nothing was written</source>
        <translation>l&apos;image a changé sur le serveur pendant son export ; rien n&apos;a été écrit</translation>
    </message>
    <message>
        <source>the server sent %1 bytes at offset %2, not the piece asked for</source>
        <translation>le serveur a envoyé %1 octets à la position %2, et non le morceau demandé</translation>
    </message>
    <message>
        <source>%1 appeared while the image was exported; nothing was written</source>
        <translation>%1 est apparu pendant l&apos;export de l&apos;image ; rien n&apos;a été écrit</translation>
    </message>
</context>
<context>
    <name>deploycast::ImageSender</name>
    <message>
        <source>cannot read the image file %1: %2</source>
        <translation>impossible de lire le fichier image %1 : %2</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>fichier introuvable</translation>
    </message>
    <message>
        <source>the server named no piece size</source>
        <translation>le serveur n&apos;a pas donné de taille de morceau</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1 : %2</translation>
    </message>
</context>
<context>
    <name>deploycast::MainWindow</name>
    <message>
        <source>Deploycast Console</source>
        <translation>Console Deploycast</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Clients</source>
        <translation>&amp;Clients</translation>
    </message>
    <message>
        <source>&amp;Transmissions</source>
        <translation>&amp;Transmissions</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <source>Select one or more clients first.</source>
        <translation>Sélectionnez d&apos;abord un ou plusieurs clients.</translation>
    </message>
    <message>
        <source>%1 is not connected.</source>
        <translation>%1 n&apos;est pas connecté.</translation>
    </message>
    <message>
        <source>The table is empty.</source>
        <translation>Le tableau est vide.</translation>
    </message>
    <message>
        <source>There are no servers.</source>
        <translation>Il n&apos;y a aucun serveur.</translation>
    </message>
    <message>
        <source>Select a server in the tree first.</source>
        <translation>Sélectionnez d&apos;abord un serveur dans l&apos;arbre.</translation>
    </message>
    <message>
        <source>Select a transmission or namespace in the tree first.</source>
        <translation>Sélectionnez d&apos;abord une transmission ou un espace de noms dans l&apos;arbre.</translation>
    </message>
    <message>
        <source>Only a waiting or finished ScheduledCast can be started.</source>
        <translation>Seule une ScheduledCast en attente ou terminée peut être démarrée.</translation>
    </message>
    <message>
        <source>It is already deactivated.</source>
        <translation>Elle est déjà désactivée.</translation>
    </message>
    <message numerus="yes">
        <source>%n server(s)</source>
        <translation>
            <numerusform>%n serveur</numerusform>
            <numerusform>%n serveurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n transmission(s)</source>
        <translation>
            <numerusform>%n transmission</numerusform>
            <numerusform>%n transmissions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation>
            <numerusform>%n client</numerusform>
            <numerusform>%n clients</numerusform>
        </translation>
    </message>
    <message>
        <source>last update %1</source>
        <translation>dernière mise à jour %1</translation>
    </message>
    <message>
        <source>no update yet</source>
        <translation>pas encore de mise à jour</translation>
    </message>
    <message>
        <source>Disconnect: partly done</source>
        <translation>Déconnexion : en partie faite</translation>
    </message>
    <message>
        <source>Add Server</source>
        <translation>Ajouter un serveur</translation>
    </message>
    <message>
        <source>Server (host or IP, optional :port):</source>
        <translation>Serveur (hôte ou IP, :port facultatif) :</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Supprimer %1</translation>
    </message>
    <message numerus="yes">
        <source>Delete &apos;%1&apos; now? Its %n client(s) stop at once, with no fallback, and may be left unusable.</source>
        <translation>
            <numerusform>Supprimer « %1 » maintenant ? Son client s&apos;arrête immédiatement, sans repli, et peut rester inutilisable.</numerusform>
            <numerusform>Supprimer « %1 » maintenant ? Ses %n clients s&apos;arrêtent immédiatement, sans repli, et peuvent rester inutilisables.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Properties of %1</source>
        <translation>Propriétés de %1</translation>
    </message>
    <message>
        <source>%1 — Deploycast Console</source>
        <translation>%1 — Console Deploycast</translation>
    </message>
    <message>
        <source>Server Properties</source>
        <translation>Propriétés du serveur</translation>
    </message>
    <message>
        <source>This console holds a viewer token for %1: viewers can watch but not change anything.</source>
        <translation>Cette console détient un jeton d’observateur pour %1 : les observateurs peuvent regarder mais ne rien modifier.</translation>
    </message>
    <message>
        <source>Filter by name, IP address, MAC address or ID (Ctrl+F; Escape clears)</source>
        <translation>Filtrer par nom, adresse IP, adresse MAC ou ID (Ctrl+F ; Échap efface)</translation>
    </message>
    <message>
        <source>Which clients the table shows: those on the server now, or those that have left</source>
        <translation>Quels clients la table montre : ceux qui sont sur le serveur, ou ceux qui sont partis</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>Sur le serveur</translation>
    </message>
    <message>
        <source>Stalled</source>
        <translation>Bloqués</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminés</translation>
    </message>
    <message>
        <source>Failed or stopped</source>
        <translation>En échec ou arrêtés</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>Client Details</source>
        <translation>Détails du client</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>Client %1 has already left the server.</source>
        <translation>Le client %1 a déjà quitté le serveur.</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>%1 sur %2 affichés</translation>
    </message>
    <message>
        <source>Throughput and progress of %1</source>
        <translation>Débit et progression de %1</translation>
    </message>
    <message>
        <source>About Deploycast</source>
        <translation>À propos de Deploycast</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Deploycast Console %1&lt;/h3&gt;&lt;p&gt;Watch and steer multicast deployments: transmissions, namespaces and their clients.&lt;/p&gt;&lt;p&gt;Copyright © the Deploycast authors.&lt;br&gt;Deploycast is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License as published by the Free Software Foundation, either version 3 of the License, or (at your option) any later version. It comes with ABSOLUTELY NO WARRANTY.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (LGPL-3.0).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Console Deploycast %1&lt;/h3&gt;&lt;p&gt;Surveiller et piloter les déploiements multicast : transmissions, espaces de noms et leurs clients.&lt;/p&gt;&lt;p&gt;Copyright © les auteurs de Deploycast.&lt;br&gt;Deploycast est un logiciel libre : vous pouvez le redistribuer et/ou le modifier selon les termes de la Licence publique générale GNU publiée par la Free Software Foundation, soit la version 3 de la licence, soit (à votre choix) toute version ultérieure. Il est fourni SANS AUCUNE GARANTIE.&lt;/p&gt;&lt;p&gt;Construit avec Qt %2 (LGPL-3.0).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Licence: &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;GPL-3.0-or-later&lt;/a&gt;</source>
        <translation>Licence : &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;GPL-3.0 ou ultérieure&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Documentation</source>
        <translation>Documentation</translation>
    </message>
    <message>
        <source>The documentation is not installed (looked for %1).</source>
        <translation>La documentation n&apos;est pas installée (cherchée dans %1).</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Propriétés</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) copied.</source>
        <translation>
            <numerusform>%n ligne copiée.</numerusform>
            <numerusform>%n lignes copiées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Client Table</source>
        <translation>Exporter la table des clients</translation>
    </message>
    <message>
        <source>The server was removed from the console.</source>
        <translation>Le serveur a été retiré de la console.</translation>
    </message>
    <message>
        <source>This console holds an admin token for %1.</source>
        <translation>Cette console détient un jeton d&apos;administration pour %1.</translation>
    </message>
    <message>
        <source>This console holds a viewer token for %1.</source>
        <translation>Cette console détient un jeton d&apos;observation pour %1.</translation>
    </message>
</context>
<context>
    <name>deploycast::ManagementClient</name>
    <message>
        <source>lost the connection to %1: %2</source>
        <translation>connexion à %1 perdue : %2</translation>
    </message>
    <message>
        <source>cannot reach server %1: %2</source>
        <translation>impossible de joindre le serveur %1 : %2</translation>
    </message>
    <message>
        <source>the certificate of %1 has CHANGED: it presents %2, but %3 was pinned in %4. This may be an attack; if the server was reinstalled, remove its line from that file.</source>
        <translation>le certificat de %1 a CHANGÉ : il présente %2, mais %3 a été épinglé dans %4. Ce peut être une attaque ; si le serveur a été réinstallé, supprimez sa ligne de ce fichier.</translation>
    </message>
    <message>
        <source>the certificate of %1 is not known yet: %2. Check it on the server (deploycastd logs it at start) and trust it with /TrustNew.</source>
        <translation>le certificat de %1 n’est pas encore connu : %2. Vérifiez-le sur le serveur (deploycastd le journalise au démarrage) et faites-lui confiance avec /TrustNew.</translation>
    </message>
</context>
<context>
    <name>deploycast::NewTransmissionDialog</name>
    <message>
        <source>New Multicast Transmission</source>
        <translation>Nouvelle transmission multicast</translation>
    </message>
    <message>
        <source>AutoCast: starts when the first client joins</source>
        <translation>AutoCast : démarre dès que le premier client se connecte</translation>
    </message>
    <message>
        <source>ScheduledCast: starts at a time or client count</source>
        <translation>ScheduledCast : démarre à une heure ou à un nombre de clients</translation>
    </message>
    <message>
        <source>Start at</source>
        <translation>Démarrer à</translation>
    </message>
    <message>
        <source>no client threshold</source>
        <translation>pas de seuil de clients</translation>
    </message>
    <message>
        <source>&amp;Friendly name:</source>
        <translation>&amp;Nom convivial :</translation>
    </message>
    <message>
        <source>&amp;Image:</source>
        <translation>&amp;Image :</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Type :</translation>
    </message>
    <message>
        <source>Start with &amp;clients:</source>
        <translation>Démarrer avec &amp;clients :</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description :</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>%1 (install image, %2)</source>
        <translation>%1 (image d&apos;installation, %2)</translation>
    </message>
    <message>
        <source>%1 (boot image, %2)</source>
        <translation>%1 (image de démarrage, %2)</translation>
    </message>
    <message>
        <source>a catalog image, or a path in the server&apos;s image store</source>
        <translation>une image du catalogue, ou un chemin dans le magasin d&apos;images du serveur</translation>
    </message>
</context>
<context>
    <name>deploycast::RateSparkline</name>
    <message>
        <source>no rate history yet</source>
        <translation>pas encore d&apos;historique du débit</translation>
    </message>
</context>
<context>
    <name>deploycast::ScreenshotSession</name>
    <message>
        <source>the servers&apos; data did not arrive within %1 s; no screenshot taken</source>
        <translation>les données des serveurs ne sont pas arrivées en %1 s ; aucune capture prise</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>impossible d&apos;écrire %1</translation>
    </message>
</context>
<context>
    <name>deploycast::ServerCredentials</name>
    <message>
        <source>Unknown server certificate</source>
        <translation>Certificat de serveur inconnu</translation>
    </message>
    <message>
        <source>The server %1 presents a certificate that this computer has not seen before.</source>
        <translation>Le serveur %1 présente un certificat que cet ordinateur n’a jamais vu.</translation>
    </message>
    <message>
        <source>Its fingerprint is:
%1

Compare it with the one deploycastd logs when it starts (or `openssl x509 -fingerprint -sha256` of its certificate). Trust it only if they match; it will then be pinned in %2 for the console and the command line.</source>
        <translation>Son empreinte est :
%1

Comparez-la avec celle que deploycastd journalise au démarrage (ou `openssl x509 -fingerprint -sha256` de son certificat). Ne lui faites confiance que si elles concordent ; il sera alors épinglé dans %2 pour la console et la ligne de commande.</translation>
    </message>
    <message>
        <source>&amp;Trust this certificate</source>
        <translation>&amp;Faire confiance à ce certificat</translation>
    </message>
    <message>
        <source>Token for %1</source>
        <translation>Jeton pour %1</translation>
    </message>
    <message>
        <source>%1 refused this console: %2</source>
        <translation>%1 a refusé cette console : %2</translation>
    </message>
    <message>
        <source>Paste an admin or viewer token (on the server: the admin.token or viewer.token file in its state folder, or deploycastd --new-token). It is kept for this server in %1, readable only by you.</source>
        <translation>Collez un jeton d&apos;administration ou d&apos;observation (sur le serveur : le fichier admin.token ou viewer.token de son dossier d&apos;état, ou deploycastd --new-token). Il est conservé pour ce serveur dans %1, lisible par vous seul.</translation>
    </message>
</context>
<context>
    <name>deploycast::ServerPropertiesDialog</name>
    <message>
        <source>Properties of %1</source>
        <translation>Propriétés de %1</translation>
    </message>
    <message>
        <source>None: one stream, paced for the slowest client</source>
        <translation>None : un seul flux, au rythme du client le plus lent</translation>
    </message>
    <message>
        <source>AutoDisconnect: disconnect a client that stays below the threshold</source>
        <translation>AutoDisconnect : déconnecter un client qui reste sous le seuil</translation>
    </message>
    <message>
        <source> KB/s</source>
        <translation> Ko/s</translation>
    </message>
    <message>
        <source>Disconnected clients finish by &amp;unicast (if they support it)</source>
        <translation>Les clients déconnectés terminent en &amp;unicast (s&apos;ils l&apos;acceptent)</translation>
    </message>
    <message>
        <source>&amp;Policy:</source>
        <translation>&amp;Politique :</translation>
    </message>
    <message>
        <source>&amp;Threshold:</source>
        <translation>&amp;Seuil :</translation>
    </message>
    <message>
        <source>Multistream: move a client that stays below the threshold to a slower stream</source>
        <translation>Multistream : passer sur un flux plus lent un client qui reste sous le seuil</translation>
    </message>
    <message>
        <source>2: fast and slow</source>
        <translation>2 : rapide et lent</translation>
    </message>
    <message>
        <source>3: fast, medium and slow</source>
        <translation>3 : rapide, moyen et lent</translation>
    </message>
    <message>
        <source>&amp;Streams:</source>
        <translation>&amp;Flux :</translation>
    </message>
    <message>
        <source>Custom: the server&apos;s --max-rate</source>
        <translation>Custom : le --max-rate du serveur</translation>
    </message>
    <message>
        <source>10 Mbit/s network</source>
        <translation>Réseau à 10 Mbit/s</translation>
    </message>
    <message>
        <source>100 Mbit/s network</source>
        <translation>Réseau à 100 Mbit/s</translation>
    </message>
    <message>
        <source>1 Gbit/s network</source>
        <translation>Réseau à 1 Gbit/s</translation>
    </message>
    <message>
        <source>&amp;First address:</source>
        <translation>Première &amp;adresse :</translation>
    </message>
    <message>
        <source>&amp;Last address:</source>
        <translation>&amp;Dernière adresse :</translation>
    </message>
    <message>
        <source>First p&amp;ort:</source>
        <translation>Premier p&amp;ort :</translation>
    </message>
    <message>
        <source>Last po&amp;rt:</source>
        <translation>Dernier po&amp;rt :</translation>
    </message>
    <message>
        <source>&amp;Network profile:</source>
        <translation>Profil r&amp;éseau :</translation>
    </message>
    <message>
        <source>First IPv&amp;6 address:</source>
        <translation>Première adresse IPv&amp;6 :</translation>
    </message>
    <message>
        <source>Last IPv6 a&amp;ddress:</source>
        <translation>Dernière adresse IP&amp;v6 :</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Général</translation>
    </message>
    <message>
        <source>&amp;Multicast</source>
        <translation>&amp;Multicast</translation>
    </message>
    <message>
        <source>Slo&amp;w Clients</source>
        <translation>Clients &amp;lents</translation>
    </message>
    <message>
        <source>A&amp;ccess</source>
        <translation>A&amp;ccès</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version :</translation>
    </message>
    <message>
        <source>%1 (protocol %2)</source>
        <translation>%1 (protocole %2)</translation>
    </message>
    <message>
        <source>Listening on:</source>
        <translation>À l&apos;écoute sur :</translation>
    </message>
    <message>
        <source>Multicast interface:</source>
        <translation>Interface multicast :</translation>
    </message>
    <message>
        <source>Image store:</source>
        <translation>Magasin d&apos;images :</translation>
    </message>
    <message>
        <source>State directory:</source>
        <translation>Dossier d&apos;état :</translation>
    </message>
    <message>
        <source>Transport server:</source>
        <translation>Serveur de transport :</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en marche</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <source>Transmissions:</source>
        <translation>Transmissions :</translation>
    </message>
    <message>
        <source>Namespaces:</source>
        <translation>Espaces de noms :</translation>
    </message>
    <message>
        <source>Clients:</source>
        <translation>Clients :</translation>
    </message>
    <message>
        <source>Maximum rate:</source>
        <translation>Débit maximal :</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>illimité</translation>
    </message>
    <message>
        <source>Content providers:</source>
        <translation>Fournisseurs de contenu :</translation>
    </message>
    <message>
        <source>Where new transmissions take their multicast group and UDP port.</source>
        <translation>Où les nouvelles transmissions prennent leur groupe multicast et leur port UDP.</translation>
    </message>
    <message>
        <source>This console holds an &lt;b&gt;admin&lt;/b&gt; token: it may change the server.</source>
        <translation>Cette console détient un jeton d&apos;&lt;b&gt;administration&lt;/b&gt; : elle peut modifier le serveur.</translation>
    </message>
    <message>
        <source>This console holds a &lt;b&gt;viewer&lt;/b&gt; token: it can watch but not change anything. Present an admin token to change the server.</source>
        <translation>Cette console détient un jeton d&apos;&lt;b&gt;observation&lt;/b&gt; : elle peut regarder mais rien modifier. Présentez un jeton d&apos;administration pour modifier le serveur.</translation>
    </message>
    <message>
        <source>Use &amp;Another Token…</source>
        <translation>Utiliser un &amp;autre jeton…</translation>
    </message>
</context>
<context>
    <name>deploycast::ServerTreeModel</name>
    <message>
        <source>Servers</source>
        <translation>Serveurs</translation>
    </message>
    <message>
        <source>Multicast Transmissions (%1)</source>
        <translation>Transmissions multicast (%1)</translation>
    </message>
    <message>
        <source>Namespaces (%1)</source>
        <translation>Espaces de noms (%1)</translation>
    </message>
    <message>
        <source>Unicast Fallback (%1)</source>
        <translation>Repli unicast (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %2, %n client(s)</source>
        <translation>
            <numerusform>%1 — %2, %n client</numerusform>
            <numerusform>%1 — %2, %n clients</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (ID %2) — %3%, %4</source>
        <translation>%1 (ID %2) — %3 %, %4</translation>
    </message>
    <message>
        <source>%1, host %2</source>
        <translation>%1, hôte %2</translation>
    </message>
    <message>
        <source>%1 — stopped: %2</source>
        <translation>%1 — arrêtée : %2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Install Images (%1)</source>
        <translation>Images d&apos;installation (%1)</translation>
    </message>
    <message>
        <source>Boot Images (%1)</source>
        <translation>Images de démarrage (%1)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
    <message>
        <source>%1 — %2, %3, disabled</source>
        <translation>%1 — %2, %3, désactivée</translation>
    </message>
</context>
<context>
    <name>deploycast::ThroughputChart</name>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Collecting figures…</source>
        <translation>Collecte des mesures…</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>il y a %n minute</numerusform>
            <numerusform>il y a %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s) ago</source>
        <translation>
            <numerusform>il y a %n seconde</numerusform>
            <numerusform>il y a %n secondes</numerusform>
        </translation>
    </message>
    <message>
        <source>now</source>
        <translation>maintenant</translation>
    </message>
    <message>
        <source>area: total rate — dashes: mean progress</source>
        <translation>aire : débit total — tirets : progression moyenne</translation>
    </message>
</context>
<context>
    <name>deploycast::TransmissionPropertiesDialog</name>
    <message>
        <source>Properties of %1</source>
        <translation>Propriétés de %1</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Namespace:</source>
        <translation>Espace de noms :</translation>
    </message>
    <message>
        <source>Friendly name:</source>
        <translation>Nom convivial :</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Description :</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Image:</source>
        <translation>Image :</translation>
    </message>
    <message>
        <source>Content:</source>
        <translation>Contenu :</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Taille :</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 octets)</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256 :</translation>
    </message>
    <message>
        <source>(not computed yet)</source>
        <translation>(pas encore calculé)</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type :</translation>
    </message>
    <message>
        <source>AutoCast: starts when the first client joins</source>
        <translation>AutoCast : démarre à l&apos;arrivée du premier client</translation>
    </message>
    <message>
        <source>ScheduledCast: starts at a time or client count</source>
        <translation>ScheduledCast : démarre à une heure ou un nombre de clients</translation>
    </message>
    <message>
        <source>Start at:</source>
        <translation>Démarrer à :</translation>
    </message>
    <message>
        <source>no start time</source>
        <translation>pas d&apos;heure de démarrage</translation>
    </message>
    <message>
        <source>Start with clients:</source>
        <translation>Démarrer avec clients :</translation>
    </message>
    <message>
        <source>no client threshold</source>
        <translation>pas de seuil de clients</translation>
    </message>
    <message>
        <source>Join token:</source>
        <translation>Jeton d&apos;adhésion :</translation>
    </message>
    <message>
        <source>not required: any receiver may join</source>
        <translation>non requis : tout récepteur peut rejoindre</translation>
    </message>
    <message>
        <source>required (only admins can see it)</source>
        <translation>requis (seuls les administrateurs peuvent le voir)</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>&amp;Afficher</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>État :</translation>
    </message>
    <message>
        <source>Clients:</source>
        <translation>Clients :</translation>
    </message>
    <message>
        <source>Multicast address:</source>
        <translation>Adresse multicast :</translation>
    </message>
    <message>
        <source>(assigned at start)</source>
        <translation>(attribuée au démarrage)</translation>
    </message>
    <message>
        <source>%1, port %2</source>
        <translation>%1, port %2</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Créée :</translation>
    </message>
    <message>
        <source>A transmission&apos;s settings are fixed when it is created, as in WDS: to change them, delete it and create it again.</source>
        <translation>Les réglages d&apos;une transmission sont fixés à sa création, comme dans WDS : pour les changer, supprimez-la et recréez-la.</translation>
    </message>
</context>
<context>
    <name>deploycast::TrayNotifier</name>
    <message>
        <source>Deploycast Console</source>
        <translation>Console Deploycast</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation>
            <numerusform>%n client</numerusform>
            <numerusform>%n clients</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>deploycast::cli::CliRunner</name>
    <message>
        <source>Created:</source>
        <translation>Créée :</translation>
    </message>
    <message>
        <source>Started %1.</source>
        <translation>%1 démarrée.</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>%1 supprimée.</translation>
    </message>
    <message>
        <source>%1 is deactivated: its clients finish, no new ones join, then it is removed.</source>
        <translation>%1 est désactivée : ses clients terminent, aucun nouveau ne se connecte, puis elle est supprimée.</translation>
    </message>
    <message>
        <source>/Format:Cbor goes with /Show:Snapshot only</source>
        <translation>/Format:Cbor ne va qu&apos;avec /Show:Snapshot</translation>
    </message>
    <message>
        <source>Information about namespaces on server %1:</source>
        <translation>Espaces de noms du serveur %1 :</translation>
    </message>
    <message>
        <source>Information about multicast transmissions on server %1:</source>
        <translation>Transmissions multicast du serveur %1 :</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Aucune.</translation>
    </message>
    <message>
        <source>cannot write the snapshot to standard output</source>
        <translation>impossible d&apos;écrire l&apos;instantané sur la sortie standard</translation>
    </message>
    <message>
        <source>Snapshot of %1: %2 sessions, %3 clients (use /Format:Cbor to record it).</source>
        <translation>Instantané de %1 : %2 sessions, %3 clients (utilisez /Format:Cbor pour l&apos;enregistrer).</translation>
    </message>
    <message>
        <source>Clients finishing by unicast on server %1:</source>
        <translation>Clients qui terminent en unicast sur le serveur %1 :</translation>
    </message>
    <message>
        <source>Slow-client policy: %1</source>
        <translation>Politique clients lents : %1</translation>
    </message>
    <message>
        <source>Audit log of server %1:</source>
        <translation>Journal d’audit du serveur %1 :</translation>
    </message>
    <message>
        <source>No entries.</source>
        <translation>Aucune entrée.</translation>
    </message>
    <message>
        <source>/New-Namespace needs /ConfigString:&lt;path&gt;: for the &apos;file&apos; content provider, the file&apos;s path in the image store</source>
        <translation>/New-Namespace demande /ConfigString:&lt;chemin&gt; : pour le fournisseur de contenu « file », le chemin du fichier dans le magasin d&apos;images</translation>
    </message>
    <message>
        <source>/ObtainIpv4From:Dhcp (MADCAP) is not supported; give /ObtainIpv4From:Range /Start:&lt;address&gt; /End:&lt;address&gt;</source>
        <translation>/ObtainIpv4From:Dhcp (MADCAP) n&apos;est pas pris en charge ; donnez /ObtainIpv4From:Range /Start:&lt;adresse&gt; /End:&lt;adresse&gt;</translation>
    </message>
    <message>
        <source>/StartPort and /EndPort go together</source>
        <translation>/StartPort et /EndPort vont ensemble</translation>
    </message>
    <message>
        <source>/MulticastSessionPolicy and /Policy go together</source>
        <translation>/MulticastSessionPolicy et /Policy vont ensemble</translation>
    </message>
    <message>
        <source>sending %1 to %2</source>
        <translation>envoi de %1 à %2</translation>
    </message>
    <message>
        <source>%1 answered in %2 ms</source>
        <translation>%1 a répondu en %2 ms</translation>
    </message>
    <message>
        <source>connected to %1 (%2:%3)</source>
        <translation>connecté à %1 (%2:%3)</translation>
    </message>
    <message>
        <source>/%1 is not implemented</source>
        <translation>/%1 n&apos;est pas implémentée</translation>
    </message>
    <message>
        <source>Added image group %1.</source>
        <translation>Groupe d&apos;images %1 ajouté.</translation>
    </message>
    <message>
        <source>Removed image group %1.</source>
        <translation>Groupe d&apos;images %1 supprimé.</translation>
    </message>
    <message>
        <source>there is no image group &apos;%1&apos;</source>
        <translation>il n&apos;y a pas de groupe d&apos;images « %1 »</translation>
    </message>
    <message>
        <source>cannot use the unattend file %1: %2</source>
        <translation>impossible d&apos;utiliser le fichier de réponses %1 : %2</translation>
    </message>
    <message>
        <source>larger than 512 KiB or unreadable</source>
        <translation>plus de 512 Kio ou illisible</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>fichier introuvable</translation>
    </message>
    <message>
        <source>cannot read the image file %1</source>
        <translation>impossible de lire le fichier image %1</translation>
    </message>
    <message>
        <source>/ImageGroup goes with install images; boot images are kept per /Architecture</source>
        <translation>/ImageGroup va avec les images d&apos;installation ; les images de démarrage sont rangées par /Architecture</translation>
    </message>
    <message>
        <source>/SingleImage: a raw disk image holds one image, which is taken whole</source>
        <translation>/SingleImage : une image disque brute contient une seule image, prise en entier</translation>
    </message>
    <message>
        <source>Added:</source>
        <translation>Ajoutée :</translation>
    </message>
    <message>
        <source>there is no %1</source>
        <translation>il n&apos;y a pas de %1</translation>
    </message>
    <message>
        <source>%1 names %2 images (%3): add /ImageGroup, /Architecture or /Filename</source>
        <translation>%1 désigne %2 images (%3) : ajoutez /ImageGroup, /Architecture ou /Filename</translation>
    </message>
    <message>
        <source>Legacy one-step images on server %1:</source>
        <translation>Images héritées en une étape du serveur %1 :</translation>
    </message>
    <message>
        <source>Images on server %1:</source>
        <translation>Images du serveur %1 :</translation>
    </message>
    <message>
        <source>/Set-Image needs something to set: /Name, /Description, /UserFilter, /Enabled or /UnattendFile</source>
        <translation>/Set-Image demande quelque chose à régler : /Name, /Description, /UserFilter, /Enabled ou /UnattendFile</translation>
    </message>
    <message>
        <source>Changed:</source>
        <translation>Modifiée :</translation>
    </message>
    <message>
        <source>Replaced:</source>
        <translation>Remplacée :</translation>
    </message>
    <message>
        <source>/%1 needs the transmission&apos;s image (/Image:&lt;name&gt; /ImageType:{Boot|Install}) or its /FriendlyName, not both</source>
        <translation>/%1 demande l&apos;image de la transmission (/Image:&lt;nom&gt; /ImageType:{Boot|Install}) ou son /FriendlyName, pas les deux</translation>
    </message>
    <message>
        <source>/Image needs /ImageType:{Boot|Install}</source>
        <translation>/Image demande /ImageType:{Boot|Install}</translation>
    </message>
    <message>
        <source>The transport server of %1 is running.</source>
        <translation>Le serveur de transport de %1 est en marche.</translation>
    </message>
    <message>
        <source>The transport server of %1 is stopped.</source>
        <translation>Le serveur de transport de %1 est arrêté.</translation>
    </message>
    <message>
        <source>It is enabled.</source>
        <translation>Il est activé.</translation>
    </message>
    <message>
        <source>It is disabled: it stays stopped until enabled, across restarts.</source>
        <translation>Il est désactivé : il reste arrêté jusqu&apos;à ce qu&apos;il soit activé, même après un redémarrage.</translation>
    </message>
    <message>
        <source>Server %1: %2</source>
        <translation>Serveur %1 : %2</translation>
    </message>
    <message>
        <source>Server %1:</source>
        <translation>Serveur %1 :</translation>
    </message>
    <message>
        <source>Image groups on server %1:</source>
        <translation>Groupes d&apos;images du serveur %1 :</translation>
    </message>
    <message>
        <source>Image group: %1 (%2 images)</source>
        <translation>Groupe d&apos;images : %1 (%2 images)</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>pas de réponse en %1 s</translation>
    </message>
    <message>
        <source>/Set-ImageGroup needs something to set: /Name or /Security</source>
        <translation>/Set-ImageGroup demande quelque chose à régler : /Name ou /Security</translation>
    </message>
    <message>
        <source>Image group %1 changed.</source>
        <translation>Groupe d&apos;images %1 modifié.</translation>
    </message>
    <message>
        <source>Security: %1</source>
        <translation>Sécurité : %1</translation>
    </message>
    <message>
        <source>%1 %2: %3% (%4 of %5, %6 MB/s)</source>
        <extracomment>%1 is &quot;Copying&quot; or &quot;Exporting&quot;, %2 what.</extracomment>
        <translation>%1 %2 : %3 % (%4 sur %5, %6 Mo/s)</translation>
    </message>
    <message>
        <source>Copying</source>
        <translation>Copie de</translation>
    </message>
    <message>
        <source>/Start and /End belong to one range: set /ObtainIpv4From and /ObtainIpv6From in two commands</source>
        <translation>/Start et /End appartiennent à une seule plage : définissez /ObtainIpv4From et /ObtainIpv6From en deux commandes</translation>
    </message>
    <message>
        <source>%1:Range needs /Start:&lt;address&gt; and /End:&lt;address&gt;</source>
        <translation>%1:Range demande /Start:&lt;adresse&gt; et /End:&lt;adresse&gt;</translation>
    </message>
    <message>
        <source>/Start and /End go with /ObtainIpv4From:Range or /ObtainIpv6From:Range</source>
        <translation>/Start et /End vont avec /ObtainIpv4From:Range ou /ObtainIpv6From:Range</translation>
    </message>
    <message>
        <source>/%1 needs something to set: /ObtainIpv4From, /ObtainIpv6From, /StartPort, /Profile or /MulticastSessionPolicy</source>
        <translation>/%1 demande quelque chose à définir : /ObtainIpv4From, /ObtainIpv6From, /StartPort, /Profile ou /MulticastSessionPolicy</translation>
    </message>
    <message>
        <source>copying %1 to %2 on %3</source>
        <translation>copie de %1 vers %2 sur %3</translation>
    </message>
    <message>
        <source>Copied:</source>
        <translation>Copiée :</translation>
    </message>
    <message>
        <source>a raw disk image keeps no name or description: they are shown, not written</source>
        <translation>une image disque brute ne garde ni nom ni description : ils sont affichés, pas écrits</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Export de</translation>
    </message>
    <message>
        <source>Exported %1 to %2: %3, SHA-256 %4.</source>
        <translation>%1 exportée vers %2 : %3, SHA-256 %4.</translation>
    </message>
    <message>
        <source>History of server %1:</source>
        <translation>Historique du serveur %1 :</translation>
    </message>
</context>
</TS>
