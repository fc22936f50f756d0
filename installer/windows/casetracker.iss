; Casetracker for Windows: an Inno Setup 6 installer around the PyInstaller folder.
;
; Built by `python installer/build.py` on Windows, which runs:
;   ISCC /Q /DAppVersion=<v> /DSourceDir=dist\casetracker /DOutputDir=dist
;        /DOutputBaseName=casetracker-<v>-windows-x64-setup /DIconFile=build\icons\casetracker.ico
;        [/DSIGN "/Scasetracker=signtool sign /f <pfx> ... $f"]  installer\windows\casetracker.iss
; The defaults below let ISCC also run by hand from this folder after a build.
;
; Installs per user by default (no administrator needed; the usual case on an office laptop);
; "Install for all users" is offered in the dialog and as /ALLUSERS on the command line.
; The uninstaller removes the program only: vaults (in Documents\Casetracker by default) and the
; one settings file (%APPDATA%\Casetracker\Casetracker.ini, the last vault's path) stay.
; Not compiled on the machine where it was written: see docs/release.md.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\casetracker"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef OutputBaseName
  #define OutputBaseName "casetracker-" + AppVersion + "-windows-x64-setup"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\icons\casetracker.ico"
#endif

[Setup]
; The AppId identifies the installation for upgrades and uninstalling: never change it.
AppId={{52A55E86-FA49-4722-AA5D-417D18E2DD55}
AppName=Casetracker
AppVersion={#AppVersion}
AppVerName=Casetracker {#AppVersion}
AppPublisher=Casetracker
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\Casetracker
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename={#OutputBaseName}
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\Casetracker.exe
UninstallDisplayName=Casetracker
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
#ifdef SIGN
; The "casetracker" sign tool is defined on the ISCC command line (/S) by build.py.
SignTool=casetracker
SignedUninstaller=yes
#endif

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "uk"; MessagesFile: "compiler:Languages\Ukrainian.isl"
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole bundle, so no library of the previous version lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Casetracker"; Filename: "{app}\Casetracker.exe"
Name: "{autodesktop}\Casetracker"; Filename: "{app}\Casetracker.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\Casetracker.exe"; Description: "{cm:LaunchProgram,Casetracker}"; Flags: nowait postinstall skipifsilent
